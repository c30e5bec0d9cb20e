import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const plan = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
const tmp = () => mkdtempSync(path.join(tmpdir(), "planguard-write-"));

describe("report files", () => {
  it("a read-only existing report is a clear error, and is left as it was", async () => {
    const dir = tmp();
    const report = path.join(dir, "report.sarif");
    writeFileSync(report, "kept");
    chmodSync(report, 0o444);
    const run = await runCli(["scan", plan, "-o", `sarif=${report}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `planguard: ${report}: cannot write the report: the existing file is read-only; planguard does not replace it\n`,
    );
    expect(readFileSync(report, "utf8")).toBe("kept");
    expect(readdirSync(dir)).toEqual(["report.sarif"]);
  });

  it("a report given in pieces is written whole, byte for byte, over many chunks", async () => {
    const { writeFileAtomic } = await import("../../src/cli/write.js");
    const report = path.join(tmp(), "pieces.txt");
    const pieces = Array.from({ length: 30_000 }, (_, i) => `finding ${i}: é 😀 末\n`);
    await writeFileAtomic(report, pieces);
    expect(readFileSync(report).equals(Buffer.from(pieces.join("")))).toBe(true);
    expect(readdirSync(path.dirname(report))).toEqual(["pieces.txt"]);
  });

  it("an existing report keeps its mode (0600 stays 0600)", async () => {
    const dir = tmp();
    const report = path.join(dir, "report.json");
    writeFileSync(report, "old");
    chmodSync(report, 0o600);
    const run = await runCli(["scan", plan, "-o", `json=${report}`]);
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(report, "utf8")).findings).toHaveLength(1);
    expect(statSync(report).mode & 0o777).toBe(0o600);
  });

  it("a run killed while writing (SIGTERM) leaves no temporary file", async () => {
    const dir = tmp();
    const report = path.join(dir, "big.txt");
    // A report large enough that the signal arrives while it is being written.
    const script = `
      import { readdirSync } from "node:fs";
      import { writeFileAtomic } from ${JSON.stringify(path.resolve("dist/cli/write.js"))};
      const done = writeFileAtomic(${JSON.stringify(report)}, "x".repeat(100 * 1024 * 1024));
      // The signal comes once the temporary file exists.
      const poll = setInterval(() => { if (readdirSync(${JSON.stringify(dir)}).length > 0) { clearInterval(poll); process.kill(process.pid, "SIGTERM"); } }, 1);
      await done;
      process.stdout.write("finished before the signal");
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, sig) => resolve(sig)),
    );
    expect(stdout).toBe("");
    expect(signal).toBe("SIGTERM");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a temporary file left by a run killed with SIGKILL is removed by the next write of that report", async () => {
    const dir = tmp();
    const report = path.join(dir, "report.json");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(gone.stdout);
    const stale = path.join(dir, `.report.json.${deadPid}.0123456789ab.planguard-tmp`);
    const alive = path.join(dir, `.report.json.${process.pid === 1 ? 2 : 1}.0123456789ab.planguard-tmp`);
    const other = path.join(dir, `.other.json.${deadPid}.0123456789ab.planguard-tmp`);
    for (const f of [stale, alive, other]) writeFileSync(f, "partial");
    const run = await runCli(["scan", plan, "-o", `json=${report}`]);
    expect(run.code).toBe(1);
    // Only the dead process's temporary of this report goes; a running process's and another report's stay.
    expect(readdirSync(dir).sort()).toEqual([path.basename(other), path.basename(alive), "report.json"].sort());
  });
});
