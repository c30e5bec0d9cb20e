/**
 * What `planguard scan` runs, in a module scan.ts imports only when a scan
 * starts: the command line's start-up (`--help`, option parsing, the other
 * commands) loads none of the engines below. Inside the bundle
 * (dist/cli/planguard-program.cjs) esbuild keeps the import lazy.
 */
import { loadConfig } from "../config/config.js";
import { closest } from "../policy/rule-references.js";
import { selectableNames } from "../policy/select.js";
import { buildBaseline, readBaseline } from "../filter/baseline.js";
import { EXPIRED_WAIVER_RULE } from "../filter/waivers.js";
import { runScan } from "../scan/run.js";
import type { ScanResult } from "../scan/result.js";
import { verdictOf } from "../scan/verdict.js";
import type { LoadOptions } from "../plan/document.js";
import { startReading } from "../plan/load.js";
import { loadRegoPolicies, type RegoPolicies } from "../policy/rego/load.js";
import type { WasmPolicy } from "../policy/wasm.js";
import type { RuleMetadata } from "../policy/types.js";
import { relativeUri } from "../report/sarif.js";
import { BUNDLED_RULES } from "../rules/index.js";
import { parseSeverity, UsageError } from "./exit.js";
import { renderScan, SCAN_FORMAT_NAMES } from "../report/formats.js";
import { sourceUrlTemplate } from "../report/html/links.js";
import { emit, parseOutputs, useColor } from "./output.js";
import { Progress } from "./progress.js";
import { sourceOptions } from "./source-dir.js";
import { type CommonFlags, parseRegoVersion, parseSize, withEnvironment } from "./common-options.js";
import { tuneV8ForPlans } from "./v8-tuning.js";
import { writeFileAtomic } from "./write.js";

/** The options `planguard scan` declares (scan.ts), as commander hands them over. */
export interface ScanFlags extends CommonFlags {
  quiet?: boolean;
  compact?: boolean;
  baseline?: string;
  writeBaseline?: string;
  changedOnly?: boolean;
  rule: string[];
  skipRule: string[];
  /** Checkov's spellings of --rule and --skip-rule. */
  check: string[];
  skipCheck: string[];
  policy: string[];
  data: string[];
  namespace: string[];
  allNamespaces?: boolean;
  bundled: boolean;
  regoVersion: string;
  policyTimeout: string;
  bundle: string[];
  policyMaxDepth: string;
}

export async function scanCommand(files: string[], flags: ScanFlags): Promise<number> {
  const failOn = parseSeverity(flags.failOn, "--fail-on");
  const targets = parseOutputs(flags.format, flags.output, SCAN_FORMAT_NAMES);
  if (flags.quiet && flags.compact)
    throw new UsageError("--quiet and --compact are two layouts of the text report: give one");
  const maxBytes = parseSize(flags.maxInputSize);
  const source = sourceOptions(flags, files);
  // Reports name the config relative to the repository root, as they name the .tf files.
  const loaded = await loadConfig(flags.config, process.cwd(), (f) => relativeUri(f, source.repoRoot()));
  const { file: configFile, source: configSource } = loaded;
  const config = withEnvironment(loaded.config, flags.environment);
  const baseline =
    flags.baseline === undefined
      ? undefined
      : { file: flags.baseline, fingerprints: await readBaseline(flags.baseline) };
  const regoVersion = parseRegoVersion(flags.regoVersion);
  const budget = {
    timeoutMs: positiveInt(flags.policyTimeout, "--policy-timeout"),
    maxDepth: positiveInt(flags.policyMaxDepth, "--policy-max-depth"),
  };
  const load: LoadOptions = maxBytes === undefined ? {} : { maxBytes };
  tuneV8ForPlans(files);
  // The first plan is read on the thread pool while the policies compile.
  const readAhead = files.length > 0 ? startReading(files[0]!, load) : undefined;
  const rego = await loadRegoPolicies({
    paths: flags.policy,
    dataFiles: flags.data,
    namespaces: flags.allNamespaces ? "all" : flags.namespace.length > 0 ? flags.namespace : ["main"],
    bundled: flags.bundled,
    budget,
    regoVersion,
  });
  if (!flags.allNamespaces) checkNamespaces(flags.namespace, rego);
  const wasm: WasmPolicy[] = [];
  if (flags.bundle.length > 0) {
    const { loadWasmBundle } = await import("../policy/wasm.js"); // opa-wasm only for a run that has a bundle
    for (const file of flags.bundle) wasm.push(await loadWasmBundle(file));
  }
  const only = [...flags.rule, ...flags.check];
  const skip = [...flags.skipRule, ...flags.skipCheck];
  checkRuleFlags(only, skip, [
    ...(flags.bundled ? BUNDLED_RULES.map((r) => r.meta) : []),
    ...(rego?.rules.map((r) => r.meta) ?? []),
    ...wasm.flatMap((w) => w.rules.map((r) => r.meta)),
    EXPIRED_WAIVER_RULE,
  ]);
  const progress = new Progress();
  let result: ScanResult;
  try {
    result = await runScan({
      files,
      source: source.source,
      progress: (m) => progress.update(m),
      config,
      ...(configFile !== undefined ? { configFile } : {}),
      ...(configSource !== undefined ? { configSource } : {}),
      selection: { only, skip },
      // Without the bundled library its ids would all look unknown.
      checkRuleIds: flags.bundled,
      ...(baseline !== undefined ? { baseline } : {}),
      changedOnly: flags.changedOnly === true,
      ...(rego ? { rego } : {}),
      ...(wasm.length > 0 ? { wasm } : {}),
      // --no-bundled leaves only the user's policies, as conftest runs them.
      ...(flags.bundled ? {} : { rules: [] }),
      load: readAhead ? { ...load, readAhead } : load,
    });
  } finally {
    progress.done();
  }
  // On stderr, so that they are seen whatever format stdout carries; JSON and SARIF carry them too.
  for (const w of result.warnings ?? []) process.stderr.write(`planguard: warning: ${printable(w)}\n`);
  if (flags.writeBaseline !== undefined) {
    await writeFileAtomic(
      flags.writeBaseline,
      JSON.stringify(buildBaseline(result.findings, new Date()), null, 2) + "\n",
    );
  }
  const verdict = verdictOf(result, { failOn, softFail: flags.softFail === true });
  const layout = flags.quiet ? "quiet" : flags.compact ? "compact" : "full";
  const sourceUrl = sourceUrlTemplate(config.report?.source_url, process.env);
  for (const target of targets) {
    await emit(
      target,
      await renderScan(target.format, result, {
        color: useColor(target, !flags.color),
        baseDir: source.repoRoot(),
        failOn,
        verdict,
        layout,
        sourceUrl,
      }),
    );
  }
  if (result.failures.length > 0) {
    for (const f of result.failures) process.stderr.write(`planguard: ${f.origin}: ${f.message}\n`);
    process.stderr.write(`planguard: ${result.failures.length} rule(s) failed to run; the scan is incomplete\n`);
  }
  return verdict.exitCode;
}

/** -n naming a package no policy declares would run nothing, and pass. */
function checkNamespaces(namespaces: readonly string[], rego: RegoPolicies | undefined): void {
  const declared = new Set(rego?.program.packages().map((p) => p.path) ?? []);
  for (const ns of namespaces) {
    if (declared.has(ns)) continue;
    const user = [...declared].filter((p) => p !== "planguard" && !p.startsWith("planguard.")).sort();
    throw new UsageError(
      `--namespace ${ns}: no policy declares package ${ns} (${user.length > 0 ? `packages in your policies: ${user.join(", ")}` : "no --policy package was loaded"})`,
    );
  }
}

/** An id on the command line that names no rule is a typo: refused, not ignored. */
function checkRuleFlags(only: readonly string[], skip: readonly string[], known: readonly RuleMetadata[]): void {
  // Most runs name no rule: the set of every rule's names (~1,000) is not built for nothing.
  if (only.length === 0 && skip.length === 0) return;
  const names = new Set(known.flatMap(selectableNames).map((n) => n.toUpperCase()));
  for (const [flag, ids] of [
    ["--rule", only],
    ["--skip-rule", skip],
  ] as const) {
    for (const id of ids) {
      if (names.has(id.toUpperCase())) continue;
      const hint = closest(id, known);
      throw new UsageError(
        `${flag} ${id}: no rule has this id or alias${hint ? ` (did you mean ${hint}?)` : ""}; \`planguard rules\` lists them`,
      );
    }
  }
}

/**
 * A warning quotes ids written in the pull request's .tf comments and config:
 * control characters (terminal escapes) are shown, not sent to the terminal.
 */
function printable(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point: they are escaped
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`);
  return n;
}
