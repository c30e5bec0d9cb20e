import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_MODULE_NESTING } from "../../src/plan/validate.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * Every size the pull request controls has a bound checked while reading;
 * going over it is one line naming the file and the bound, exit 2. (How long
 * and how much memory the refusals take is measured on whole processes, not
 * here: see SECURITY.md.)
 */

const dir = mkdtempSync(path.join(tmpdir(), "planguard-bounds-"));
const ebsPlan = readFileSync(fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), "utf8").trim();
let counter = 0;
const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, `${counter++}-${name}`);
  writeFileSync(file, text);
  return file;
};

/** The EBS fixture plan with a configuration whose module calls nest `depth` levels. */
function planWithNestedModuleCalls(depth: number): string {
  const open = '{"module_calls":{"m":{"source":"./m","module":'.repeat(depth);
  return `${ebsPlan.slice(0, -1)},"configuration":{"root_module":${open}{}${"}}}".repeat(depth)}}}`;
}

function expectOneLineRefusal(run: { code: number; stdout: string; stderr: string }, file: string, problem: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(problem);
}

describe("module nesting", () => {
  it.each([20_000, 100_000])("refuses %i nested module calls in one line", async (depth) => {
    const file = write("plan.json", planWithNestedModuleCalls(depth));
    expectOneLineRefusal(await runCli(["scan", file]), file, new RegExp(`modules in configuration are nested more than ${MAX_MODULE_NESTING} levels deep`));
  });

  it("refuses state modules nested past the bound, and reads them up to it", async () => {
    const nest = (depth: number) => {
      let module = `{"address":"module.m0","resources":[]}`;
      for (let i = 1; i < depth; i++) module = `{"address":"module.m${i}","resources":[],"child_modules":[${module}]}`;
      return `{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[],"child_modules":[${module}]}}}`;
    };
    const deep = write("state.json", nest(MAX_MODULE_NESTING + 1));
    expectOneLineRefusal(await runCli(["scan", deep]), deep, /modules in values are nested more than/);
    const atBound = await runCli(["scan", write("state.json", nest(MAX_MODULE_NESTING))]);
    expect(atBound.stderr).toBe("");
    expect(atBound.code).toBe(0);
  });

  it("reads a plan whose module calls nest up to the bound", async () => {
    const run = await runCli(["scan", write("plan.json", planWithNestedModuleCalls(MAX_MODULE_NESTING)), "-f", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });
});
