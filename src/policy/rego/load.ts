import { readdirSync, readFileSync, statSync } from "node:fs";
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
import { loadCompiledCache, type CompiledLibrary } from "./compiled-cache.js";
import { compilePolicies } from "./compile.js";
import { LazyLibraryProgram } from "./lazy-library.js";
import type { EvaluationBudget, RegoProgram } from "./engine.js";
import type { RegoVersion } from "../../rego/parser.js";
import { describeFsError, InputError } from "../../input-error.js";

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
  const program =
    (flags.bundled && own.length === 0 ? bundledAloneUnread() : undefined) ??
    compileAll([...(flags.bundled ? await readBundledPolicies() : []), ...own], flags.bundled);
  if (!program) return undefined;
  const data = await readDataFiles(flags.dataFiles);
  return {
    program,
    rules: regoRules(program, flags.namespaces),
    options: { namespaces: flags.namespaces, data, ...(flags.budget ? { budget: flags.budget } : {}) },
  };
}

function compileAll(sources: readonly PolicySource[], bundled: boolean): RegoProgram | undefined {
  if (sources.length === 0) return undefined;
  return bundled ? compileWithBundled(sources) : compilePolicies(sources);
}

/**
 * The bundled library alone, revived lazily, when the files on disk are the
 * ones compiled at build time, told from their list, sizes and modification
 * times (CompiledLibrary.listedFrom) without reading them: reading and
 * hashing ~300 files was a fixed cost of every scan. A file's text is read
 * only when it is needed (a touched file's hash, a compile from text), and
 * the sources are made only when a module is compiled; undefined (read and
 * check everything, as before) otherwise.
 */
function bundledAloneUnread(): RegoProgram | undefined {
  const library = loadCompiledCache();
  if (!library) return undefined;
  const listed = listBundledPolicies(BUNDLED_POLICY_DIR);
  if (!listed) return undefined;
  let files: ListedFile[];
  try {
    files = listed.map(listedFile);
  } catch {
    // A file that cannot be stat'ed: the general reader reads them again and names the file.
    return undefined;
  }
  // Made when first needed (a touched file's text, a module to compile): most scans need none.
  let sources: PolicySource[] | undefined;
  const sourcesOf = (): PolicySource[] => (sources ??= files.map(listedSource));
  if (!library.listedFrom(files, (i) => sourcesOf()[i]!.text)) return undefined;
  return lazyProgram(sourcesOf, library);
}

function lazyProgram(sources: () => readonly PolicySource[], library: CompiledLibrary): RegoProgram {
  return new LazyLibraryProgram(sources, library, () => {
    const all = sources();
    return compilePolicies(all, loadAstCacheWhenParsing(new Set(all.map((s) => s.file))));
  });
}

/** A bundled policy file as listed: its path, its name as readPolicies gives it, and what its status says. */
interface ListedFile {
  full: string;
  file: string;
  size: number;
  mtimeMs: number;
}

function listedFile(full: string): ListedFile {
  const st = statSync(full);
  return { full, file: bundledName(full), size: st.size, mtimeMs: st.mtimeMs };
}

/**
 * A bundled policy source whose text is read when first asked for. The getter
 * is an own property of a plain object, so that a copy (`{ ...source }`)
 * reads and carries the text.
 */
function listedSource({ full, file }: ListedFile): PolicySource {
  let read: string | undefined;
  return {
    file,
    bundled: true,
    get text(): string {
      if (read === undefined) {
        try {
          read = readFileSync(full, "utf8");
        } catch (err) {
          throw new InputError(file, describeFsError(err));
        }
      }
      return read;
    },
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
  const library = loadCompiledCache();
  if (library && sources.every((s) => s.bundled) && library.compiledFrom(sources))
    return lazyProgram(() => sources, library);
  return compilePolicies(sources, loadAstCacheWhenParsing(bundledFiles), library);
}

/**
 * What readPolicies([BUNDLED_POLICY_DIR], true) gives, read synchronously
 * without a glob: a fixed cost of every scan (~35 ms -> ~5 ms cold). Anything
 * unusual (a symbolic link, no files, an error) is left to readPolicies.
 */
export async function readBundledPolicies(dir = BUNDLED_POLICY_DIR): Promise<PolicySource[]> {
  const files = listBundledPolicies(dir);
  // Anything unusual about the directory: the general reader walks it again and reports the problem.
  if (!files) return readPolicies([dir], true);
  try {
    return files.map((file) => ({
      file: bundledName(file),
      text: readFileSync(file, "utf8"),
      bundled: true,
    }));
  } catch {
    // A file that cannot be read: the general reader reads them again and names the file.
    return readPolicies([dir], true);
  }
}

const BUNDLED_PARENT = path.dirname(BUNDLED_POLICY_DIR) + path.sep;

/** A bundled file's name as readPolicies gives it: relative to the package root (`policies/...`). */
function bundledName(full: string): string {
  return full.startsWith(BUNDLED_PARENT) && BUNDLED_PARENT.length > 1
    ? full.slice(BUNDLED_PARENT.length)
    : path.relative(path.dirname(BUNDLED_POLICY_DIR), full);
}

/**
 * The bundled policy files (tests left out) in readPolicies' order, found
 * without a glob; undefined when anything about the directory is unusual
 * (a symbolic link, no files, an error).
 */
function listBundledPolicies(dir: string): string[] | undefined {
  let files: string[];
  try {
    files = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        // As the glob "**/*.rego" without dot files, ignoring node_modules.
        if (e.name.startsWith(".") || e.name === "node_modules") continue;
        // `d` is resolved and a name holds no separator: what path.join gives, without its normalizing (~7 ms a scan).
        const full = d + path.sep + e.name;
        if (e.isDirectory()) walk(full);
        else if (e.isFile()) {
          if (e.name.endsWith(".rego") && !e.name.endsWith("_test.rego")) files.push(full);
        } else throw new Error("not a plain file or directory");
      }
    };
    walk(path.resolve(dir));
    if (files.length === 0) return undefined;
  } catch {
    return undefined;
  }
  // readPolicies sorts the glob's paths, which use "/": where the separator is "/", the paths
  // themselves, by the default sort's order (code units, as `<`), which runs natively.
  if (path.sep === "/") return files.sort();
  // Elsewhere by the paths written with "/" (each key made once, not at every comparison).
  const keyed = files.map((f) => ({ f, key: f.split(path.sep).join("/") }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.f);
}
