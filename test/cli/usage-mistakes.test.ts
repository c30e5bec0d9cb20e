import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const bad = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

describe("a bare -o that names a format (Checkov's and conftest's habit)", () => {
  it.each(["sarif", "json", "junitxml", "markdown", "SARIF", "cli"])(
    "-o %s is refused with the two forms that work, and writes nothing",
    async (name) => {
      const dir = mkdtempSync(path.join(tmpdir(), "planguard-o-"));
      process.chdir(dir);
      const run = await runCli(["scan", bad, "-o", name]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `planguard: -o ${name}: -o names a file; to print the ${name} report use -f ${name}, to write it to a file use -o ${name}=FILE (a file really named "${name}": -o ./${name})\n`,
      );
      expect(run.stdout).toBe("");
      expect(existsSync(path.join(dir, name))).toBe(false);
    },
  );

  it("still takes a bare file name that is not a format, and a path spelled to mean the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-o-"));
    process.chdir(dir);
    expect((await runCli(["scan", bad, "-o", "report.txt"])).code).toBe(1);
    expect(existsSync(path.join(dir, "report.txt"))).toBe(true);
    expect((await runCli(["scan", bad, "-o", "./sarif"])).code).toBe(1);
    expect(existsSync(path.join(dir, "sarif"))).toBe(true);
  });

  it("refuses it on drift too", async () => {
    const run = await runCli(["drift", fixturePath("drift", "refresh-only-scenario.json"), "-o", "sarif"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^planguard: -o sarif: -o names a file/);
  });
});

describe("directories that do not exist", () => {
  it.each([
    [["--source-dir", "no-such-dir"], "planguard: --source-dir no-such-dir: no such directory\n"],
    [["--repo-root", "no-such-root"], "planguard: --repo-root no-such-root: no such directory\n"],
    [["--repo-root", bad], `planguard: --repo-root ${bad}: not a directory\n`],
  ])("%j is exit 2 with one line", async (flags, message) => {
    const run = await runCli(["scan", bad, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe("");
  });
});
