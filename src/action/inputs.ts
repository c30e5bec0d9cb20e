/**
 * GitHub Actions' conventions without a dependency: inputs arrive as
 * INPUT_<NAME> environment variables, outputs are appended to the file named
 * by GITHUB_OUTPUT, the job summary to GITHUB_STEP_SUMMARY.
 */
import { appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

export function getBooleanInput(name: string, fallback: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const v = getInput(name, env).toLowerCase();
  if (v === "") return fallback;
  if (["true", "yes", "on", "1"].includes(v)) return true;
  if (["false", "no", "off", "0"].includes(v)) return false;
  throw new Error(`input "${name}" must be true or false (got "${v}")`);
}

/** A multi-line or whitespace-separated list input. */
export function getListInput(name: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return getInput(name, env)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env["GITHUB_OUTPUT"];
  if (!file) return;
  const delimiter = `planguard_${randomBytes(8).toString("hex")}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}
