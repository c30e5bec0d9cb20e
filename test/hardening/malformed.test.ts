import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/input-error.js";
import type { LoadOptions } from "../../src/plan/document.js";
import { parseDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * A corpus of broken inputs, most of it generated: every case must be
 * refused with an InputError whose message is one line, never another kind
 * of error, never accepted.
 */
interface Case {
  name: string;
  bytes: Buffer;
  options?: LoadOptions;
}

const b = (s: string) => Buffer.from(s, "utf8");
const validPlan = JSON.parse(readFileSync(fixturePath("rules", "PG-AWS-S3-001", "pass.json"), "utf8"));
const planText = JSON.stringify(validPlan);
const stateDoc = {
  format_version: "1.0",
  terraform_version: "1.9.8",
  values: {
    outputs: { o: { sensitive: false, value: "x" } },
    root_module: {
      resources: [
        {
          address: "aws_s3_bucket.b",
          mode: "managed",
          type: "aws_s3_bucket",
          name: "b",
          provider_name: "aws",
          values: {},
          sensitive_values: {},
        },
      ],
      child_modules: [{ address: "module.m", resources: [] }],
    },
  },
};

function corpus(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, bytes: Buffer, options?: LoadOptions) =>
    cases.push(options ? { name, bytes, options } : { name, bytes });

  // Empty, whitespace, encodings, other formats.
  add("empty", Buffer.alloc(0));
  for (const ws of [" ", "\n", "\r\n\t ", "   \n\n  "]) add(`whitespace ${JSON.stringify(ws)}`, b(ws));
  add("BOM only", Buffer.from([0xef, 0xbb, 0xbf]));
  // A UTF-16 plan with a BOM is read (test/plan/tolerate.test.ts); broken JSON inside one is still refused.
  add(
    "UTF-16LE broken JSON",
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText.slice(0, -3), "utf16le")]),
  );
  for (const bad of [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0xbc], [0x80]]) {
    add(
      `invalid UTF-8 ${bad.map((x) => x.toString(16)).join(" ")}`,
      Buffer.concat([b('{"format_version":"'), Buffer.from(bad), b('"}')]),
    );
  }
  add("HCL", b('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'));
  add("YAML", b("format_version: '1.2'\nresource_changes: []\n"));
  add("binary tfplan (zip)", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
  for (const top of ["[]", "[1,2]", "null", "42", '"plan"', "true", "1e400"]) add(`top-level ${top}`, b(top));
  add("deeply nested arrays (100k)", b("[".repeat(100_000) + "]".repeat(100_000)));
  add(
    "deeply nested inside a plan",
    b(`{"format_version":"1.2","resource_changes":${"[".repeat(100_000)}${"]".repeat(100_000)}}`),
  );
  let deepModules = '{"resources":[]}';
  for (let i = 0; i < 20_000; i++) deepModules = `{"child_modules":[${deepModules}]}`;
  add("20k nested child modules", b(`{"format_version":"1.0","values":{"root_module":${deepModules}}}`));

  // Versions and identity.
  for (const v of ["2.0", "2.1", "10.0", "", "one", "1", "1.2.3"])
    add(`format_version ${JSON.stringify(v)}`, b(JSON.stringify({ ...validPlan, format_version: v })));
  add("no format_version", b(JSON.stringify({ resource_changes: [] })));
  add("raw state version 3", b(JSON.stringify({ version: 3, lineage: "x", resources: [] })));
  add("provider schemas", b(JSON.stringify({ format_version: "1.0", provider_schemas: {} })));
  add("state where a plan is expected", b(JSON.stringify(stateDoc)), { expect: "plan" });
  add("plan where a state is expected", b(planText), { expect: "state" });

  // Truncated at every structural position of a real plan.
  for (let i = 0; i < planText.length; i++) {
    if ('{}[]:,"'.includes(planText[i]!)) add(`truncated at ${i}`, b(planText.slice(0, i)));
  }

  // Wrong types at every level the schema knows, in a plan and in a state.
  const wrong = (doc: unknown, path: (string | number)[], value: unknown) => {
    const copy = structuredClone(doc) as Record<string, unknown>;
    let cur: Record<string | number, unknown> = copy;
    for (const step of path.slice(0, -1)) cur = cur[step] as Record<string | number, unknown>;
    cur[path.at(-1)!] = value;
    return b(JSON.stringify(copy));
  };
  const planPaths: [(string | number)[], unknown[]][] = [
    [["resource_changes"], [{}, "x", 1, true]],
    [
      ["resource_changes", 0],
      ["x", 1, [], null],
    ],
    [
      ["resource_changes", 0, "address"],
      [1, null, [], ""],
    ],
    [
      ["resource_changes", 0, "mode"],
      ["resource", 1, null],
    ],
    [
      ["resource_changes", 0, "type"],
      [1, null, ""],
    ],
    [
      ["resource_changes", 0, "name"],
      [1, null, {}],
    ],
    [
      ["resource_changes", 0, "change"],
      ["x", 1, [], null],
    ],
    [
      ["resource_changes", 0, "change", "actions"],
      ["create", [], [1], null, {}],
    ],
    [
      ["resource_changes", 0, "change", "after"],
      ["x", 1, [], true],
    ],
    [
      ["resource_changes", 0, "change", "before"],
      ["x", 1, []],
    ],
    [
      ["resource_changes", 0, "index"],
      [[], {}, 1.5, true],
    ],
    [["planned_values"], ["x", [], 1]],
    [
      ["planned_values", "root_module"],
      ["x", [], 1],
    ],
    [["configuration"], ["x", [], 1]],
    [["terraform_version"], [1, [], {}]],
    [["applyable"], ["yes", 1]],
    [["complete"], ["no", 0]],
    [["errored"], ["false", []]],
    [["timestamp"], [1, {}]],
  ];
  for (const [path, values] of planPaths)
    for (const v of values) add(`plan ${path.join(".")} = ${JSON.stringify(v)}`, wrong(validPlan, path, v));
  const statePaths: [(string | number)[], unknown[]][] = [
    [["values"], ["x", [], 1]],
    [
      ["values", "root_module"],
      ["x", [], 1],
    ],
    [
      ["values", "root_module", "resources"],
      [{}, "x"],
    ],
    [
      ["values", "root_module", "resources", 0],
      ["x", 1],
    ],
    [
      ["values", "root_module", "resources", 0, "address"],
      [1, null],
    ],
    [
      ["values", "root_module", "resources", 0, "mode"],
      ["x", 1],
    ],
    [
      ["values", "root_module", "resources", 0, "values"],
      ["x", 1, []],
    ],
    [
      ["values", "root_module", "child_modules"],
      [{}, "x"],
    ],
    [
      ["values", "root_module", "child_modules", 0],
      ["x", 1],
    ],
    [
      ["values", "outputs"],
      ["x", []],
    ],
  ];
  for (const [path, values] of statePaths)
    for (const v of values) add(`state ${path.join(".")} = ${JSON.stringify(v)}`, wrong(stateDoc, path, v));
  // Missing required keys.
  for (const key of ["address", "mode", "type", "name", "change"]) {
    const doc = structuredClone(validPlan);
    delete doc.resource_changes[0][key];
    add(`plan resource change without ${key}`, b(JSON.stringify(doc)));
  }
  const noActions = structuredClone(validPlan);
  delete noActions.resource_changes[0].change.actions;
  add("plan change without actions", b(JSON.stringify(noActions)));
  return cases;
}

const cases = corpus();

describe("the malformed-input corpus", () => {
  it("has at least 200 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.name, c] as const))("refuses %s with one clear line", (_name, c) => {
    let error: unknown;
    try {
      buildModel(parseDocument("broken.json", c.bytes, c.options));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problem;
    expect(problem).toMatch(/\S/);
    expect(problem).not.toContain("\n");
    expect(problem.length).toBeLessThan(300);
  });
});

describe("broken files through the command line", () => {
  it.each([
    ["empty", ""],
    ["truncated", planText.slice(0, 40)],
    ["top-level array", "[]"],
    ["format 2.0", JSON.stringify({ ...validPlan, format_version: "2.0" })],
    ["wrong type", JSON.stringify({ ...validPlan, resource_changes: "x" })],
  ])("%s: exit 2, one line naming the file", async (_name, text) => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pg-broken-")), "plan.json");
    writeFileSync(file, text);
    const run = await runCli(["scan", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(run.stderr).toContain(file);
  });
});
