import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const plan = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
const tmp = () => mkdtempSync(path.join(tmpdir(), "planguard-wasm-"));

function hasOpa(): boolean {
  try {
    execFileSync("opa", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    // Not installed (or not runnable): the tests that need it skip.
    return false;
  }
}

describe("--bundle (opa build -t wasm)", () => {
  it("refuses a file that is not a bundle, with one line", async () => {
    const file = path.join(tmp(), "bundle.tar.gz");
    writeFileSync(file, "not gzip at all");
    const run = await runCli(["scan", plan, "--bundle", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `planguard: ${file}: not a gzip archive: give the policy.wasm or the bundle.tar.gz that \`opa build -t wasm\` writes\n`,
    );
  });

  it("finds policy.wasm inside a bundle.tar.gz and refuses one that is not WebAssembly", async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "b"));
    writeFileSync(path.join(dir, "b", "policy.wasm"), "this is not wasm");
    writeFileSync(path.join(dir, "b", "data.json"), "{}");
    execFileSync("tar", [
      "-czf",
      path.join(dir, "bundle.tar.gz"),
      "-C",
      path.join(dir, "b"),
      "policy.wasm",
      "data.json",
    ]);
    const run = await runCli(["scan", plan, "--bundle", path.join(dir, "bundle.tar.gz")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bundle\.tar\.gz: not a policy compiled with `opa build -t wasm`/);
  });

  it("says when a bundle holds no policy.wasm", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "data.json"), "{}");
    execFileSync("tar", ["-czf", path.join(dir, "bundle.tar.gz"), "-C", dir, "data.json"]);
    const run = await runCli(["scan", plan, "--bundle", path.join(dir, "bundle.tar.gz")]);
    expect(run.stderr).toMatch(/holds no policy\.wasm/);
  });

  it.skipIf(!hasOpa())(
    "agrees with the embedded engine on a conftest policy (needs an opa binary on PATH; skipped without one)",
    async () => {
      const dir = tmp();
      execFileSync("opa", [
        "build",
        "-t",
        "wasm",
        "-e",
        "main/deny",
        "-o",
        path.join(dir, "bundle.tar.gz"),
        fixturePath("conftest"),
      ]);
      const viaWasm = await runCli([
        "scan",
        plan,
        "--no-bundled",
        "--bundle",
        path.join(dir, "bundle.tar.gz"),
        "-f",
        "json",
      ]);
      const embedded = await runCli([
        "scan",
        plan,
        "--no-bundled",
        "--policy",
        fixturePath("conftest"),
        "-n",
        "main",
        "-f",
        "json",
      ]);
      const messages = (out: string) =>
        (JSON.parse(out).findings as { message: string; ruleId: string }[])
          .filter((f) => f.ruleId === "main.deny")
          .map((f) => f.message);
      expect(messages(viaWasm.stdout)).toEqual(messages(embedded.stdout));
    },
  );
});
