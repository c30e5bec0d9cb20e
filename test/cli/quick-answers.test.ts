import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { HELP_WIDTH, keyOf, quickAnswerArgs, quickAnswerFor, type QuickAnswers } from "../../src/cli/quick-answers.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

const BIN = path.join(repoRoot, "dist", "cli", "planguard.cjs");
const missing = existsSync(BIN) ? undefined : `skipped: ${BIN} is absent (run npm run build)`;
if (missing) console.warn(missing);

const commands = buildProgram().commands.map((c) => c.name());

describe("quickAnswerFor: which runs the entry answers from the build's record", () => {
  const answers: QuickAnswers = { [keyOf(["--help"])]: { stdout: "Usage: planguard\n", code: 0 } };

  it("answers exactly a recorded argument list", () => {
    expect(quickAnswerFor(["--help"], answers, {})).toEqual({ stdout: "Usage: planguard\n", code: 0 });
    expect(quickAnswerFor(["--help", "--debug"], answers, {})).toBeUndefined();
    expect(quickAnswerFor(["scan", "plan.json"], answers, {})).toBeUndefined();
    expect(quickAnswerFor([], answers, {})).toBeUndefined();
  });

  it("does not take an argument for an inherited member of the record", () => {
    expect(quickAnswerFor(["toString"], answers, {})).toBeUndefined();
    expect(quickAnswerFor(["__proto__"], answers, {})).toBeUndefined();
  });

  it("leaves a terminal narrower than the recorded width to the program, which wraps help to fit it", () => {
    expect(quickAnswerFor(["--help"], answers, { isTTY: true, columns: HELP_WIDTH - 1 })).toBeUndefined();
    expect(quickAnswerFor(["--help"], answers, { isTTY: true, columns: HELP_WIDTH })).toBeDefined();
    expect(quickAnswerFor(["--help"], answers, { isTTY: true, columns: 200 })).toBeDefined();
    expect(quickAnswerFor(["--help"], answers, { isTTY: false })).toBeDefined();
  });

  it("answers nothing without a record (a build whose training failed)", () => {
    expect(quickAnswerFor(["--help"], undefined, {})).toBeUndefined();
  });

  it("records the help of every command, and the program's own help and version", () => {
    const keys = quickAnswerArgs(commands).map(keyOf);
    for (const c of ["scan", "drift", "rules", "test", "report"]) expect(keys).toContain(keyOf([c, "--help"]));
    expect(keys).toEqual(
      expect.arrayContaining([keyOf(["--help"]), keyOf(["-h"]), keyOf(["--version"]), keyOf(["-V"])]),
    );
  });
});

describe("the program's help width, which the record relies on", () => {
  async function helpAt(tty: { isTTY?: boolean; columns?: number }): Promise<string> {
    const saved = { isTTY: process.stdout.isTTY, columns: process.stdout.columns };
    Object.assign(process.stdout, tty);
    try {
      return (await runCli(["scan", "--help"])).stdout;
    } finally {
      Object.assign(process.stdout, saved);
    }
  }
  const longest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

  it("is the recorded width at any terminal at least that wide, and without a terminal", async () => {
    const piped = await helpAt({ isTTY: false });
    expect(longest(piped)).toBeLessThanOrEqual(HELP_WIDTH);
    expect(await helpAt({ isTTY: true, columns: 200 })).toBe(piped);
    expect(await helpAt({ isTTY: true, columns: HELP_WIDTH })).toBe(piped);
    expect(await helpAt({ isTTY: true, columns: undefined })).toBe(piped);
  });

  it("is the terminal's when it is narrower (commander lays help out for it: not the record)", async () => {
    expect(await helpAt({ isTTY: true, columns: 60 })).not.toBe(await helpAt({ isTTY: false }));
  });
});

describe.skipIf(missing)("the bundled entry's recorded answers (dist/cli/planguard.cjs)", () => {
  const run = (bin: string, args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: tmpdir(), encoding: "utf8" });

  it.each(quickAnswerArgs(commands))(
    "prints what the program prints, with its exit code: %s %s",
    async (...args: string[]) => {
      const bundled = run(BIN, args);
      const source = await runCli(args);
      expect(bundled.stdout).toBe(source.stdout);
      expect(bundled.stderr).toBe(source.stderr);
      expect(bundled.status).toBe(source.code);
      expect(bundled.stdout.length).toBeGreaterThan(0);
    },
  );

  it("answers them without loading the program: the entry alone, away from its program bundle, still prints help", () => {
    const lone = path.join(mkdtempSync(path.join(tmpdir(), "pg-lone-entry-")), "planguard.cjs");
    copyFileSync(BIN, lone);
    const help = run(lone, ["scan", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: planguard scan/);
    // Anything else needs the program, which is not there.
    const scan = run(lone, ["scan", fixturePath("rules", "PG-AWS-EBS-001", "pass.json")]);
    expect(scan.status).not.toBe(0);
    expect(scan.stderr).toMatch(/planguard-program\.cjs/);
  });
});
