import type { Command } from "commander";
import { loadConfig } from "../config/config.js";
import { buildBaseline, readBaseline } from "../filter/baseline.js";
import { runScan } from "../scan/run.js";
import { startReading, type LoadOptions } from "../plan/load.js";
import { loadRegoPolicies } from "../policy/rego/load.js";
import { loadWasmBundle } from "../policy/wasm.js";
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, parseSeverity, reachesThreshold, UsageError } from "./exit.js";
import { SCAN_FORMATS } from "./formats.js";
import { emit, parseOutputs, useColor } from "./output.js";
import { Progress } from "./progress.js";
import { sourceOptions } from "./source-dir.js";
import { addCommonOptions, collect, parseSize, withEnvironment, type CommonFlags } from "./common-options.js";
import { writeFileAtomic } from "./write.js";

interface ScanFlags extends CommonFlags {
  baseline?: string;
  writeBaseline?: string;
  changedOnly?: boolean;
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

export function registerScan(program: Command): void {
  const command = program
    .command("scan")
    .description("judge a plan or state (the JSON of `terraform show -json`) against the policies")
    .argument("<files...>", "plan or state JSON files; - reads stdin");
  addCommonOptions(command, Object.keys(SCAN_FORMATS), "a finding", "sarif=results.sarif")
    .option("--baseline <file>", "findings recorded in this baseline are suppressed: fail only on new ones")
    .option("--write-baseline <file>", "record today's findings as the baseline")
    .option("--changed-only", "judge only resources the plan creates, updates or replaces (pull-request mode)")
    .option("-p, --policy <path>", "Rego policy file or directory (conftest's contract); repeatable", collect, [])
    .option("-d, --data <file>", "JSON or YAML document added under data; repeatable", collect, [])
    .option("-n, --namespace <package>", "Rego package whose deny/violation/warn rules run; repeatable (default: main)", collect, [])
    .option("--all-namespaces", "run the deny/violation/warn rules of every package")
    .option("--no-bundled", "do not run the bundled policy library")
    .option("--bundle <file>", "a policy.wasm or bundle.tar.gz built with `opa build -t wasm`; repeatable", collect, [])
    .option("--policy-timeout <ms>", "time budget for evaluating the Rego policies on one plan", "30000")
    .option("--policy-max-depth <n>", "how deeply Rego rules and functions may call each other", "2000")
    .option("--rego-version <v0|v1>", "Rego syntax of --policy files (both are read; kept for conftest compatibility)", "v1")
    .action(async (files: string[], flags: ScanFlags) => {
      process.exitCode = await scanCommand(files, flags);
    });
}

async function scanCommand(files: string[], flags: ScanFlags): Promise<number> {
  const failOn = parseSeverity(flags.failOn, "--fail-on");
  const targets = parseOutputs(flags.format, flags.output, Object.keys(SCAN_FORMATS));
  const maxBytes = parseSize(flags.maxInputSize);
  const loaded = await loadConfig(flags.config);
  const config = withEnvironment(loaded.config, flags.environment);
  const configFile = loaded.file;
  const baseline = flags.baseline === undefined ? undefined : { file: flags.baseline, fingerprints: await readBaseline(flags.baseline) };
  if (flags.regoVersion !== "v0" && flags.regoVersion !== "v1") throw new UsageError(`--rego-version must be v0 or v1 (got "${flags.regoVersion}")`);
  const budget = { timeoutMs: positiveInt(flags.policyTimeout, "--policy-timeout"), maxDepth: positiveInt(flags.policyMaxDepth, "--policy-max-depth") };
  const load: LoadOptions = maxBytes === undefined ? {} : { maxBytes };
  // The first plan is read on the thread pool while the policies compile.
  const readAhead = files.length > 0 ? startReading(files[0]!, load) : undefined;
  const rego = await loadRegoPolicies({
    paths: flags.policy,
    dataFiles: flags.data,
    namespaces: flags.allNamespaces ? "all" : flags.namespace.length > 0 ? flags.namespace : ["main"],
    bundled: flags.bundled,
    budget,
  });
  const wasm = [];
  for (const file of flags.bundle) wasm.push(await loadWasmBundle(file));
  const source = sourceOptions(flags, files);
  const progress = new Progress();
  let result;
  try {
    result = await runScan({
      files,
      source,
      progress: (m) => progress.update(m),
      config,
      ...(configFile !== undefined ? { configFile } : {}),
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
  if (flags.writeBaseline !== undefined) {
    await writeFileAtomic(flags.writeBaseline, JSON.stringify(buildBaseline(result.findings, new Date()), null, 2) + "\n");
  }
  for (const target of targets) {
    const render = SCAN_FORMATS[target.format]!;
    await emit(target, render(result, { color: useColor(target, !flags.color), baseDir: source.repoRoot }));
  }
  if (result.failures.length > 0) {
    for (const f of result.failures) process.stderr.write(`planguard: ${f.origin}: ${f.message}\n`);
    process.stderr.write(`planguard: ${result.failures.length} rule(s) failed to run; the scan is incomplete\n`);
    return EXIT_ERROR;
  }
  if (flags.softFail) return EXIT_OK;
  return reachesThreshold(result.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`);
  return n;
}
