import type { Command } from "commander";
import type { DriftTarget } from "../drift/run.js";
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, parseSeverity, reachesThreshold, UsageError } from "./exit.js";
import { addCommonOptions, parseSize, type CommonFlags } from "./common-options.js";

/** The drift report formats (src/drift/formats.ts), named here so that --help does not load the drift engine. */
export const DRIFT_FORMAT_NAMES: readonly string[] = ["text", "json", "markdown", "sarif", "github"];

interface DriftFlags extends CommonFlags {
  baseline?: string;
  current?: string;
}

export function registerDrift(program: Command): void {
  const command = program
    .command("drift")
    .description("report changes made outside Terraform: from a plan's resource_drift, or between two state snapshots")
    .argument("[plan]", "plan JSON (`terraform plan -refresh-only -out p && terraform show -json p`); - reads stdin")
    .option("--baseline <state>", "the older state snapshot (`terraform show -json` state, or a .tfstate file)")
    .option("--current <state>", "the newer state snapshot, compared with --baseline");
  addCommonOptions(command, DRIFT_FORMAT_NAMES, "drift", "markdown=drift.md -o sarif=drift.sarif")
    .action(async (plan: string | undefined, flags: DriftFlags) => {
      process.exitCode = await driftCommand(plan, flags);
    });
}

async function driftCommand(plan: string | undefined, flags: DriftFlags): Promise<number> {
  const target = targetOf(plan, flags);
  // The drift engine is loaded when drift runs, not for --help or another command.
  const { loadConfig, DRIFT_FORMATS, regoJudge, runDrift, loadRegoPolicies, emit, parseOutputs, useColor, sourceOptions } = await import("./drift-engine.js");
  const failOn = parseSeverity(flags.failOn, "--fail-on");
  const targets = parseOutputs(flags.format, flags.output, DRIFT_FORMAT_NAMES);
  const maxBytes = parseSize(flags.maxInputSize);
  const { config } = await loadConfig(flags.config);
  const source = sourceOptions(flags, "plan" in target ? [target.plan] : [target.current]);
  // The bundled Rego policies judge drift beside the TypeScript rules, as they judge a scan.
  const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });
  const judges = rego ? [regoJudge(rego, config)] : [];
  const report = await runDrift({ target, config, source, judges, load: maxBytes === undefined ? {} : { maxBytes } });
  for (const t of targets) {
    await emit(t, DRIFT_FORMATS[t.format]!(report, { color: useColor(t, !flags.color), baseDir: source.repoRoot }));
  }
  if (report.failures.length > 0) {
    process.stderr.write(`planguard: ${report.failures.length} rule(s) failed to run; the drift judgement is incomplete\n`);
    return EXIT_ERROR;
  }
  if (flags.softFail) return EXIT_OK;
  return reachesThreshold(report.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** A plan, or --baseline with --current; never both, never half. */
function targetOf(plan: string | undefined, flags: DriftFlags): DriftTarget {
  const states = flags.baseline !== undefined || flags.current !== undefined;
  if (plan !== undefined && states) throw new UsageError("give a plan, or --baseline and --current, not both");
  if (plan !== undefined) return { plan };
  if (flags.baseline === undefined || flags.current === undefined) {
    if (!states) throw new UsageError("drift needs a plan, or --baseline <state> and --current <state>");
    throw new UsageError(`--${flags.baseline === undefined ? "baseline" : "current"} is missing: drift between states compares --baseline with --current`);
  }
  if (flags.baseline === "-" && flags.current === "-") throw new UsageError("--baseline and --current cannot both read stdin");
  return { baseline: flags.baseline, current: flags.current };
}
