import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildProgram, main } from "../cli/program.js";
import { guardWorkflowCommands, writeWorkflowCommands } from "../cli/workflow-guard.js";
import { SEVERITIES, type Finding, type Severity } from "../policy/types.js";
import { escapeData } from "../report/github.js";
import { ActionInputError, commandLine, readInputs, type ActionInputs, type RunFiles } from "./args.js";
import { getInput, setOutput } from "./inputs.js";
import { verdictMarkdown, type VerdictFacts } from "./verdict.js";

/**
 * The GitHub Action's entry point: translates the action's inputs into one
 * planguard command line, so the Action behaves exactly like the CLI, then
 * writes the job summary and the step outputs.
 *
 * Every failure (a bad input, a missing plan, a bad config, a report that
 * cannot be written) becomes an `::error` annotation and a line in the job
 * summary, with exit-code 2. The reports are written into a directory of
 * this run's own; the SARIF is then copied to `sarif-file` (its directory
 * created), and the `sarif-file` output is set only when that copy was made
 * by this run: never a stale or committed planguard.sarif.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const unguard = guardWorkflowCommands(env);
  const errors: string[] = [];
  const fail = (message: string) => {
    errors.push(message);
    writeWorkflowCommands(`::error title=planguard::${escapeData(message)}\n`);
  };
  let inputs: ActionInputs | undefined;
  let code = 2;
  try {
    const cwd = getInput("working-directory", env);
    if (cwd !== "") process.chdir(cwd);
    inputs = readInputs(env);
    const work = mkdtempSync(path.join(tmpdir(), "planguard-action-"));
    const files: RunFiles = {
      sarif: path.join(work, "planguard.sarif"),
      json: path.join(work, "report.json"),
      markdown: path.join(work, "summary.md"),
    };
    code = await main(commandLine(inputs, files, scanHasRuleFlags()), { onError: fail });
    // The reports exist only if this run wrote them: the work directory was empty.
    if (existsSync(files.sarif)) publishSarif(files.sarif, inputs.sarifFile, env, fail);
    // Rules that broke end the scan with exit 2 but no error message; --format github annotated each, the summary says it.
    if (code === 2 && errors.length === 0) {
      const broken = failedRules(files.json);
      const message = `the ${inputs.mode} is incomplete: ${broken} rule(s) failed to run`;
      if (inputs.annotations) errors.push(message);
      else fail(message);
    }
    if (errors.length > 0) code = 2;
    writeSummary(env, inputs, code, files, errors);
    writeCounts(env, inputs.mode, files.json);
  } catch (err) {
    fail(err instanceof ActionInputError || err instanceof Error ? err.message : String(err));
    code = 2;
    const summary = env["GITHUB_STEP_SUMMARY"];
    if (summary && (inputs?.jobSummary ?? true))
      appendFileSync(summary, verdictMarkdown(facts(inputs, code, undefined, errors)));
  } finally {
    unguard();
  }
  setOutput("exit-code", String(code), env);
  return code;
}

/** Whether this build's `planguard scan` takes --rule and --skip-rule (added beside this Action's rules inputs). */
function scanHasRuleFlags(): boolean {
  const scan = buildProgram().commands.find((c) => c.name() === "scan");
  const longs = new Set(scan?.options.map((o) => o.long) ?? []);
  return longs.has("--rule") && longs.has("--skip-rule");
}

function failedRules(jsonFile: string): number {
  if (!existsSync(jsonFile)) return 0;
  const report = JSON.parse(readFileSync(jsonFile, "utf8")) as { failures?: unknown[] };
  return report.failures?.length ?? 0;
}

function publishSarif(written: string, target: string, env: NodeJS.ProcessEnv, fail: (m: string) => void): void {
  try {
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    copyFileSync(written, target);
  } catch (err) {
    fail(`${target}: cannot write the SARIF report: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  setOutput("sarif-file", path.resolve(target), env);
}

/** What the JSON report says: a scan's summary, or a drift report's findings and summary. */
interface ReportCounts {
  bySeverity: Record<Severity, number>;
  findings: number;
  suppressedBy?: { inline: number; waiver: number; baseline: number };
  drifted?: number;
}

function readCounts(mode: "scan" | "drift", jsonFile: string): ReportCounts | undefined {
  if (!existsSync(jsonFile)) return undefined;
  const report = JSON.parse(readFileSync(jsonFile, "utf8")) as {
    summary?: {
      total?: number;
      drifted?: number;
      bySeverity?: Record<Severity, number>;
      suppressedBy?: ReportCounts["suppressedBy"];
    };
    findings?: Finding[];
  };
  if (mode === "drift") {
    // Drift's findings are the SARIF results; the summary's bySeverity counts resources, so count the findings themselves.
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const f of report.findings ?? []) bySeverity[f.severity]++;
    return {
      bySeverity,
      findings: report.findings?.length ?? 0,
      ...(report.summary?.drifted !== undefined ? { drifted: report.summary.drifted } : {}),
    };
  }
  const s = report.summary ?? {};
  const bySeverity = { ...Object.fromEntries(SEVERITIES.map((sev) => [sev, 0])), ...s.bySeverity } as Record<
    Severity,
    number
  >;
  return { bySeverity, findings: s.total ?? 0, ...(s.suppressedBy ? { suppressedBy: s.suppressedBy } : {}) };
}

function facts(
  inputs: ActionInputs | undefined,
  code: number,
  counts: ReportCounts | undefined,
  errors: string[],
): VerdictFacts {
  const v: VerdictFacts = {
    mode: inputs?.mode ?? "scan",
    code,
    failOn: inputs?.failOn || "low",
    softFail: inputs?.softFail ?? false,
    bySeverity: counts?.bySeverity ?? (Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>),
    errors,
  };
  if (counts?.suppressedBy) v.suppressedBy = counts.suppressedBy;
  if (counts?.drifted !== undefined) v.drifted = counts.drifted;
  if (inputs?.config !== undefined) v.config = inputs.config;
  return v;
}

/** The verdict first, then planguard's Markdown report (its own heading dropped: the verdict's heading replaces it). */
function writeSummary(
  env: NodeJS.ProcessEnv,
  inputs: ActionInputs,
  code: number,
  files: RunFiles,
  errors: string[],
): void {
  const file = env["GITHUB_STEP_SUMMARY"];
  if (!file || !inputs.jobSummary) return;
  const report = existsSync(files.markdown)
    ? readFileSync(files.markdown, "utf8").replace(/^## planguard( drift)?\n/, "")
    : "";
  appendFileSync(file, verdictMarkdown(facts(inputs, code, readCounts(inputs.mode, files.json), errors)) + report);
}

function writeCounts(env: NodeJS.ProcessEnv, mode: "scan" | "drift", jsonFile: string): void {
  const counts = readCounts(mode, jsonFile);
  if (!counts) return;
  setOutput("findings", String(counts.findings), env);
  for (const s of SEVERITIES) setOutput(`${s}-count`, String(counts.bySeverity[s]), env);
  if (counts.drifted !== undefined) setOutput("drifted-resources", String(counts.drifted), env);
}
