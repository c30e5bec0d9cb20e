import type { Command } from "commander";
import { loadConfig } from "../config/config.js";
import { DRIFT_FORMATS } from "../drift/formats.js";
import { regoJudge } from "../drift/judge.js";
import { runDrift, type DriftTarget } from "../drift/run.js";
import { loadRegoPolicies } from "../policy/rego/load.js";
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, parseSeverity, reachesThreshold, UsageError } from "./exit.js";
import { emit, parseOutputs, useColor } from "./output.js";
import { sourceOptions } from "./source-dir.js";
import { addCommonOptions, parseSize, withEnvironment, type CommonFlags } from "./common-options.js";

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
  addCommonOptions(command, Object.keys(DRIFT_FORMATS), "drift", "markdown=drift.md -o sarif=drift.sarif")
    .action(async (plan: string | undefined, flags: DriftFlags) => {
      process.exitCode = await driftCommand(plan, flags);
    });
}

async function driftCommand(plan: string | undefined, flags: DriftFlags): Promise<number> {
  const target = targetOf(plan, flags);
  const failOn = parseSeverity(flags.failOn, "--fail-on");
  const targets = parseOutputs(flags.format, flags.output, Object.keys(DRIFT_FORMATS));
  const maxBytes = parseSize(flags.maxInputSize);
  const config = withEnvironment((await loadConfig(flags.config)).config, flags.environment);
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
