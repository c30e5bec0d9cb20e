import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, repoRoot } from "../helpers/shared.js";

/**
 * `planguard ... | head -1`: the reader closes the pipe before planguard has
 * written everything. Run as a whole process, since the EPIPE arrives as an
 * event on the real stdout.
 */
const bin = path.join(repoRoot, "dist", "cli", "main.js");
const built = existsSync(bin);
if (!built) console.warn(`skipped: ${bin} is absent (run npm run build)`);

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    // Closed before the first write: every write planguard makes meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(!built)("a closed stdout (planguard ... | head)", () => {
  it.each([
    [["scan", fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), "-f", "sarif"], 1],
    [["scan", fixturePath("rules", "PG-AWS-EBS-001", "pass.json")], 0],
    [["rules"], 0],
    [["test", fixturePath("conftest"), "--rego-version", "v0"], 0],
    [["drift", fixturePath("drift", "refresh-only-scenario.json")], 1],
  ])("%j ends quietly with its usual exit code", async (args, expected) => {
    const run = await runWithClosedStdout(args as string[]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(expected);
  });
});
