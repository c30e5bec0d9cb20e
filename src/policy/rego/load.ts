import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  BUNDLED_POLICY_DIR,
  readDataFiles,
  readPolicies,
  regoRules,
  type PolicySource,
  type RegoPolicyOptions,
  type RegoRule,
} from "./runner.js";
import { loadAstCacheWhenParsing } from "./ast-cache.js";
import { loadCompiledCache } from "./compiled-cache.js";
import { compilePolicies } from "./compile.js";
import { LazyLibraryProgram } from "./lazy-library.js";
import type { EvaluationBudget, RegoProgram } from "./engine.js";
import type { RegoVersion } from "../../rego/parser.js";

/** What a scan needs to run Rego policies. */
export interface RegoPolicies {
  program: RegoProgram;
  rules: RegoRule[];
  options: RegoPolicyOptions;
}

export interface PolicyFlags {
  /** --policy files and directories. */
  paths: string[];
  /** --data files. */
  dataFiles: string[];
  /** --namespace values, or "all" for --all-namespaces. */
  namespaces: string[] | "all";
  /** false with --no-bundled. */
  bundled: boolean;
  /** Time budget and depth limit of evaluation, per plan. */
  budget?: EvaluationBudget;
  /** --rego-version: the syntax of the user's policy files (default v1, as OPA 1.x). */
  regoVersion?: RegoVersion;
}

/** Reads and compiles the bundled and the user's policies; undefined when there are none. */
export async function loadRegoPolicies(flags: PolicyFlags): Promise<RegoPolicies | undefined> {
  const own = (await readPolicies(flags.paths, false)).map((s) => ({ ...s, regoVersion: flags.regoVersion ?? "v1" }));
  const sources = [...(flags.bundled ? await readBundledPolicies() : []), ...own];
  if (sources.length === 0) return undefined;
  const program = flags.bundled ? compileWithBundled(sources) : compilePolicies(sources);
  const data = await readDataFiles(flags.dataFiles);
  return {
    program,
    rules: regoRules(program, flags.namespaces),
    options: { namespaces: flags.namespaces, data, ...(flags.budget ? { budget: flags.budget } : {}) },
  };
}

/**
 * The bundled library is taken as compiled at build time (compiled-cache.ts)
 * when it can be: alone, revived lazily, module by module as plans need
 * them (lazy-library.ts); beside user policies, whole, since they may
 * reach any of it. Its AST parsed at build time (ast-cache.ts) is read only
 * when it must be compiled after all.
 */
function compileWithBundled(sources: readonly PolicySource[]): RegoProgram {
  const bundledFiles = new Set(sources.filter((s) => s.bundled).map((s) => s.file));
  const fromText = () => compilePolicies(sources, loadAstCacheWhenParsing(bundledFiles));
  const library = loadCompiledCache();
  if (library && sources.every((s) => s.bundled) && library.compiledFrom(sources))
    return new LazyLibraryProgram(sources, library, fromText);
  return compilePolicies(sources, loadAstCacheWhenParsing(bundledFiles), library);
}

/**
 * What readPolicies([BUNDLED_POLICY_DIR], true) gives, read synchronously
 * without a glob: a fixed cost of every scan (~35 ms -> ~5 ms cold). Anything
 * unusual (a symbolic link, no files, an error) is left to readPolicies.
 */
export async function readBundledPolicies(dir = BUNDLED_POLICY_DIR): Promise<PolicySource[]> {
  let files: string[];
  try {
    files = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        // As the glob "**/*.rego" without dot files, ignoring node_modules.
        if (e.name.startsWith(".") || e.name === "node_modules") continue;
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.isFile()) {
          if (e.name.endsWith(".rego") && !e.name.endsWith("_test.rego")) files.push(full);
        } else throw new Error("not a plain file or directory");
      }
    };
    walk(dir);
    if (files.length === 0) throw new Error("no policies");
  } catch {
    // Anything unusual about the directory: the general reader walks it again and reports the problem.
    return readPolicies([dir], true);
  }
  // readPolicies sorts the glob's paths, which use "/" (each key made once, not at every comparison).
  const keyed = files.map((f) => ({ f, key: f.split(path.sep).join("/") }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  files = keyed.map((k) => k.f);
  try {
    return files.map((file) => ({
      file: path.relative(path.dirname(BUNDLED_POLICY_DIR), file),
      text: readFileSync(file, "utf8"),
      bundled: true,
    }));
  } catch {
    // A file that cannot be read: the general reader reads them again and names the file.
    return readPolicies([dir], true);
  }
}
