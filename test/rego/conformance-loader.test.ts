import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCaseFile } from "../../src/rego/conformance/loader.js";
import { runCase } from "../../src/rego/conformance/runner.js";

function caseFile(yaml: string, under = ""): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "planguard-conformance-")), under);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "cases.yaml");
  writeFileSync(file, yaml);
  return file;
}

describe("conformance loader and runner", () => {
  it("reads OPA's dialect: binding lists, error codes, input_term, undefined results", () => {
    const file = caseFile(`cases:
- note: bindings
  modules:
  - |
    package x
    p contains v if { some v in input.vs }
  query: data.x.p[y]
  input_term: '{"vs": [2, 1]}'
  sort_bindings: true
  want_result:
  - y: 1
  - y: 2
- note: conflict
  modules:
  - |
    package x
    p := 1
    p := 2
  query: data.x.p = y
  want_error_code: eval_conflict_error
  want_error: rule data.x.p produced conflicting values
- note: undefined
  modules:
  - |
    package x
    p if false
  query: data.x.p = y
- note: wrong expectation
  modules: []
  query: x := 1
  want_result:
  - x: 2
`);
    const cases = loadCaseFile(file);
    expect(cases.map((c) => c.dialect)).toEqual(["opa", "opa", "opa", "opa"]);
    const outcomes = cases.map((c) => runCase(c));
    expect(outcomes.map((o) => o.status)).toEqual(["pass", "pass", "pass", "fail"]);
    expect(outcomes[3]!.reason).toContain('{"x":2}');
  });

  it("reads regorus's dialect: set!, object! with typed keys, many! inputs, error, no_result", () => {
    const file = caseFile(`cases:
  - note: typed keys
    data: {}
    modules: ["package t\\nm := {1: \\"a\\", true: [1]}\\ns := {3, 4}"]
    query: data.t
    want_result:
      m:
        object!:
          - key: 1
            value: a
          - key: true
            value: [1]
      s:
        set!: [4, 3]
  - note: many inputs
    data: {}
    modules: ["package t\\nx := input.v * 2"]
    input:
      many!: [{v: 1}, {v: 2}]
    query: data.t.x
    want_result:
      many!: [2, 4]
  - note: must fail
    data: {}
    modules: ["package t\\nx := y"]
    query: data.t.x
    error: unsafe
  - note: undefined
    data: {}
    modules: ["package t\\nx if false"]
    query: data.t.x
    no_result: true
`);
    const outcomes = loadCaseFile(file).map((c) => runCase(c));
    expect(outcomes.map((o) => [o.note, o.status])).toEqual([
      ["typed keys", "pass"],
      ["many inputs", "pass"],
      ["must fail", "pass"],
      ["undefined", "pass"],
    ]);
  });

  it("tells the dialects apart by content, not by a testdata folder in the path", () => {
    // OPA's shape with none of its own keys, outside any testdata folder.
    const opa = caseFile(
      `cases:
- note: binding list
  modules: ["package x\\np := 1"]
  query: data.x.p = y
  want_result:
  - y: 1
- note: undefined without saying so
  modules: ["package x\\nq if false"]
  query: data.x.q = y
`,
      "cases",
    );
    // regorus's shape (the query's value, not bindings) inside a testdata folder.
    const regorus = caseFile(
      `cases:
- note: value
  modules: ["package x\\np := [1]"]
  query: data.x.p
  want_result: [1]
`,
      path.join("testdata", "v1"),
    );
    expect(loadCaseFile(opa).map((c) => [c.dialect, runCase(c).status])).toEqual([
      ["opa", "pass"],
      ["opa", "pass"],
    ]);
    expect(loadCaseFile(regorus).map((c) => [c.dialect, runCase(c).status])).toEqual([["regorus", "pass"]]);
  });
});
