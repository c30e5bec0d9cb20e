import type { Command } from "commander";
import { loadConfig } from "../config/config.js";
import { DEFAULT_MAX_BYTES } from "../plan/load.js";
import { buildBaseline, readBaseline } from "../filter/baseline.js";
import { runScan } from "../scan/run.js";
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, parseSeverity, reachesThreshold, UsageError } from "./exit.js";
import { SCAN_FORMATS } from "./formats.js";
import { emit, parseOutputs, useColor } from "./output.js";
import { Progress } from "./progress.js";
import { REPO_ROOT_HELP, SOURCE_DIR_HELP, sourceOptions } from "./source-dir.js";
import { writeFileAtomic } from "./write.js";

interface ScanFlags {
  format: string;
  output: string[];
  config?: string;
  failOn: string;
  softFail?: boolean;
  color: boolean;
  maxInputSize?: string;
  baseline?: string;
  writeBaseline?: string;
  changedOnly?: boolean;
  sourceDir?: string;
  repoRoot?: string;
}

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description("judge a plan or state (the JSON of `terraform show -json`) against the policies")
    .argument("<files...>", "plan or state JSON files; - reads stdin")
    .option("-f, --format <format>", `report on stdout: ${Object.keys(SCAN_FORMATS).join(", ")}`, "text")
    .option("-o, --output <[format=]file>", "write a report to a file; repeatable (e.g. -o sarif=results.sarif)", collect, [])
    .option("-c, --config <file>", "config file (default: .planguard.yaml in the working directory)")
    .option("--fail-on <severity>", "exit 1 when a finding reaches this severity", "low")
    .option("--soft-fail", "exit 0 even when findings reach --fail-on (errors still exit 2)")
    .option("--no-color", "no colour in the text report")
    .option("--max-input-size <bytes>", `refuse inputs larger than this (default ${DEFAULT_MAX_BYTES})`)
    .option("--baseline <file>", "findings recorded in this baseline are suppressed: fail only on new ones")
    .option("--write-baseline <file>", "record today's findings as the baseline")
    .option("--changed-only", "judge only resources the plan creates, updates or replaces (pull-request mode)")
    .option("--source-dir <dir>", SOURCE_DIR_HELP)
    .option("--repo-root <dir>", REPO_ROOT_HELP)
    .action(async (files: string[], flags: ScanFlags) => {
      process.exitCode = await scanCommand(files, flags);
    });
}

async function scanCommand(files: string[], flags: ScanFlags): Promise<number> {
  const failOn = parseSeverity(flags.failOn, "--fail-on");
  const targets = parseOutputs(flags.format, flags.output, Object.keys(SCAN_FORMATS));
  const maxBytes = flags.maxInputSize === undefined ? undefined : parseSize(flags.maxInputSize);
  const { config, file: configFile } = await loadConfig(flags.config);
  const baseline = flags.baseline === undefined ? undefined : { file: flags.baseline, fingerprints: await readBaseline(flags.baseline) };
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
      load: maxBytes === undefined ? {} : { maxBytes },
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
    process.stderr.write(`planguard: ${result.failures.length} rule(s) failed to run; the scan is incomplete\n`);
    return EXIT_ERROR;
  }
  if (flags.softFail) return EXIT_OK;
  return reachesThreshold(result.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function parseSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-input-size must be a positive number of bytes (got "${value}")`);
  return n;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
