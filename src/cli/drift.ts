import { Option, type Command } from "commander";
import type { DriftTarget } from "../drift/run.js";
import { parseSeverity, UsageError } from "./exit.js";
import { tuneV8ForShortRuns } from "./v8-tuning.js";
import {
  addInputOptions,
  addOutputOptions,
  addVerdictOptions,
  HELP_GROUPS,
  parseSize,
  withEnvironment,
  type CommonFlags,
} from "./common-options.js";

/** The drift report formats (src/drift/formats.ts), named here so that --help does not load the drift engine. */
export const DRIFT_FORMAT_NAMES: readonly string[] = [
  "text",
  "json",
  "markdown",
  "sarif",
  "github",
  "junitxml",
  "html",
];

interface DriftFlags extends CommonFlags {
  baselineState?: string;
  /** The old name of --baseline-state, which on `scan` means a findings file. */
  baseline?: string;
  current?: string;
  history?: string;
}

export function registerDrift(program: Command): void {
  const command = program
    .command("drift")
    .description("report changes made outside Terraform: from a plan's resource_drift, or between two state snapshots")
    .argument("[plan]", "plan JSON (`terraform plan -refresh-only -out p && terraform show -json p`); - reads stdin");
  addOutputOptions(command, DRIFT_FORMAT_NAMES, "markdown=drift.md -o sarif=drift.sarif");
  addVerdictOptions(command, "drift");
  addInputOptions(command)
    .option("--baseline-state <state>", "the older state snapshot (`terraform show -json` state, or a .tfstate file)")
    .option("--current <state>", "the newer state snapshot, compared with --baseline-state")
    .option("--history <file>", "append this run to a drift history (JSON lines; `planguard report FILE` shows it)")
    .addOption(
      new Option("--baseline <state>", "deprecated: use --baseline-state").hideHelp().helpGroup(HELP_GROUPS.input),
    )
    .action(async (plan: string | undefined, flags: DriftFlags) => {
      tuneV8ForShortRuns();
      process.exitCode = await driftCommand(plan, flags);
    });
}

async function driftCommand(plan: string | undefined, flags: DriftFlags): Promise<number> {
  if (flags.baseline !== undefined) {
    if (flags.baselineState !== undefined)
      throw new UsageError("give --baseline-state once (--baseline is its deprecated name)");
    process.stderr.write(
      "planguard: warning: drift --baseline is deprecated (scan's --baseline is a findings file); use --baseline-state\n",
    );
    flags = { ...flags, baselineState: flags.baseline };
  }
  const target = targetOf(plan, flags);
  // The drift engine is loaded when drift runs, not for --help or another command.
  const {
    loadConfig,
    DRIFT_FORMATS,
    appendHistory,
    historyRecord,
    regoJudge,
    runDrift,
    loadRegoPolicies,
    verdictOf,
    emit,
    parseOutputs,
    useColor,
    sourceOptions,
    sourceUrlTemplate,
  } = await import("./drift-engine.js");
  const failOn = parseSeverity(flags.failOn, "--fail-on");
  const targets = parseOutputs(flags.format, flags.output, DRIFT_FORMAT_NAMES);
  const maxBytes = parseSize(flags.maxInputSize);
  const config = withEnvironment((await loadConfig(flags.config)).config, flags.environment);
  const source = sourceOptions(flags, "plan" in target ? [target.plan] : [target.current]);
  // The bundled Rego policies judge drift beside the TypeScript rules, as they judge a scan.
  const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });
  const judges = rego ? [regoJudge(rego, config)] : [];
  const report = await runDrift({
    target,
    config,
    source: source.source,
    judges,
    load: maxBytes === undefined ? {} : { maxBytes },
  });
  // The history first: a history that cannot be written (not a history, a
  // read-only path) stops the run before any report says it went well.
  if (flags.history !== undefined) {
    for (const w of await appendHistory(flags.history, historyRecord(report, new Date())))
      process.stderr.write(`planguard: ${w}\n`);
  }
  const sourceUrl = sourceUrlTemplate(config.report?.source_url, process.env);
  for (const t of targets) {
    await emit(
      t,
      DRIFT_FORMATS[t.format]!(report, {
        color: useColor(t, !flags.color),
        baseDir: source.repoRoot(),
        failOn,
        sourceUrl,
      }),
    );
  }
  if (report.failures.length > 0) {
    process.stderr.write(
      `planguard: ${report.failures.length} rule(s) failed to run; the drift judgement is incomplete\n`,
    );
  }
  return verdictOf(report, { failOn, softFail: flags.softFail === true }).exitCode;
}

/** A plan, or --baseline-state with --current; never both, never half. */
function targetOf(plan: string | undefined, flags: DriftFlags): DriftTarget {
  const baseline = flags.baselineState;
  const states = baseline !== undefined || flags.current !== undefined;
  if (plan !== undefined && states) throw new UsageError("give a plan, or --baseline-state and --current, not both");
  if (plan !== undefined) return { plan };
  if (baseline === undefined || flags.current === undefined) {
    if (!states) throw new UsageError("drift needs a plan, or --baseline-state <state> and --current <state>");
    throw new UsageError(
      `--${baseline === undefined ? "baseline-state" : "current"} is missing: drift between states compares --baseline-state with --current`,
    );
  }
  if (baseline === "-" && flags.current === "-")
    throw new UsageError("--baseline-state and --current cannot both read stdin");
  return { baseline, current: flags.current };
}
