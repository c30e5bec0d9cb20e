import { existsSync, mkdtempSync, readFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../cli/program.js";
import { getBooleanInput, getInput, getListInput, setOutput } from "./inputs.js";

/**
 * The GitHub Action's entry point: translates the action's inputs into one
 * planguard command line, so the Action behaves exactly like the CLI, then
 * writes the job summary and the step outputs.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const cwd = getInput("working-directory", env);
  if (cwd !== "") process.chdir(cwd);
  const mode = getInput("mode", env) || "scan";
  if (mode !== "scan" && mode !== "drift") throw new Error(`input "mode" must be scan or drift (got "${mode}")`);
  const plans = getListInput("plan", env);
  if (plans.length === 0) throw new Error('input "plan" is required: the JSON of `terraform show -json`');
  // planguard drift compares one refresh-only plan with its prior state; several would be a usage error later.
  if (mode === "drift" && plans.length > 1) throw new Error(`input "plan" takes one refresh-only plan in drift mode (got ${plans.length}); run the action once per plan`);

  const work = mkdtempSync(path.join(tmpdir(), "planguard-action-"));
  const jsonReport = path.join(work, "report.json");
  const summary = path.join(work, "summary.md");
  const sarif = getInput("sarif-file", env) || "planguard.sarif";
  const args = [mode, ...plans, "-o", `sarif=${sarif}`, "-o", `json=${jsonReport}`, "-o", `markdown=${summary}`];
  args.push("--format", getBooleanInput("annotations", true, env) ? "github" : "text");
  const failOn = getInput("fail-on", env);
  if (failOn !== "") args.push("--fail-on", failOn);
  const config = getInput("config", env);
  if (config !== "") args.push("--config", config);
  // The workflow knows which environment it deploys; the plan under review should not choose (SECURITY.md).
  const environment = getInput("environment", env);
  if (environment !== "") args.push("--environment", environment);
  if (mode === "scan") {
    for (const p of getListInput("policy", env)) args.push("--policy", p);
    if (getBooleanInput("changed-only", false, env)) args.push("--changed-only");
    const baseline = getInput("baseline", env);
    if (baseline !== "") args.push("--baseline", baseline);
  }

  const code = await main(args);
  if (getBooleanInput("job-summary", true, env) && env["GITHUB_STEP_SUMMARY"] && existsSync(summary)) {
    appendFileSync(env["GITHUB_STEP_SUMMARY"], readFileSync(summary, "utf8"));
  }
  if (existsSync(sarif)) setOutput("sarif-file", path.resolve(sarif), env);
  if (existsSync(jsonReport)) {
    // A scan's summary counts findings (total); a drift report's counts drifted resources.
    const report = JSON.parse(readFileSync(jsonReport, "utf8")) as { summary?: { total?: number; drifted?: number; bySeverity?: Record<string, number> } };
    const counts = report.summary;
    if (counts) {
      setOutput("findings", String(counts.total ?? counts.drifted ?? 0), env);
      for (const [severity, n] of Object.entries(counts.bySeverity ?? {})) setOutput(`${severity}-count`, String(n), env);
    }
  }
  setOutput("exit-code", String(code), env);
  return code;
}
