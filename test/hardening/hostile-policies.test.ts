import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * Policies written to hurt: each must end within its budget with an error
 * that names the policy file and rule, and the scan must exit 2, never pass.
 */
const plan = fixturePath("rules", "PG-AWS-EBS-001", "pass.json");

function policy(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-hostile-"));
  const file = path.join(dir, "hostile.rego");
  writeFileSync(file, text);
  return file;
}

async function scanWith(file: string, ...extra: string[]) {
  return runCli(["scan", plan, "--no-bundled", "--policy", file, "--policy-timeout", "1500", ...extra]);
}

describe("hostile policies", () => {
  it("infinite recursion through a function is refused before it runs, naming the policy and rule", async () => {
    const file = policy(
      'package main\nf(x) := y if { y := f(x + 1) }\ndeny contains msg if { f(1) > 0; msg := "never" }\n',
    );
    const run = await scanWith(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `planguard: ${file}:2:1: rego_recursion_error: rule data.main.f is recursive: data.main.f -> data.main.f\n`,
    );
  });

  it("deep but finite recursion through data hits the depth limit", async () => {
    // Recursion through a rule is a compile error; a deep chain of distinct rules is not.
    const rules = Array.from({ length: 60 }, (_, i) => `r${i} := r${i + 1} + 1`).join("\n");
    const file = policy(`package main\n${rules}\nr60 := 0\ndeny contains msg if { r0 > 0; msg := "deep" }\n`);
    const run = await scanWith(file, "--policy-max-depth", "20");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} (main.deny)`);
  });

  it("an exponential comprehension runs out of its time budget", async () => {
    const file = policy(
      'package main\nn := numbers.range(1, 300)\ndeny contains msg if {\n  c := count([1 | some a in n; some b in n; some d in n])\n  msg := sprintf("%d", [c])\n}\n',
    );
    const run = await scanWith(file, "--policy-timeout", "300");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} (main.deny)`);
    expect(run.stderr).toMatch(/eval_cancel_error: evaluation took longer than its time budget/);
  });

  it("a huge output is cut off by the budget, not by memory", async () => {
    const file = policy("package main\ndeny contains x if { some x in numbers.range(1, 5000000) }\n");
    const run = await scanWith(file, "--policy-timeout", "300");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/time budget/);
  });

  it("a catastrophic regular expression finishes: regexes are RE2, linear in the input", async () => {
    const file = policy(
      'package main\ndeny contains "matched" if { regex.match(`^(a+)+$`, concat("", [concat("", [s | some _ in numbers.range(1, 5000); s := "a"]), "!"])) }\nwarn contains "done" if { true }\n',
    );
    const run = await scanWith(file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("done");
  });

  it("cannot reach the network: http.send is a compile error naming it", async () => {
    const file = policy(
      'package main\ndeny contains msg if { r := http.send({"method": "GET", "url": "http://127.0.0.1:1"}); msg := r.body }\n',
    );
    const run = await scanWith(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/hostile\.rego:\d+:\d+: rego_type_error: undefined function http\.send/);
  });

  it("cannot read the environment through opa.runtime: it is an empty environment and config", async () => {
    process.env["PLANGUARD_TEST_SECRET_ENV"] = "env-secret-value";
    const file = policy('package main\ndeny contains msg if { msg := sprintf("runtime=%v", [opa.runtime()]) }\n');
    const run = await scanWith(file, "-f", "json");
    delete process.env["PLANGUARD_TEST_SECRET_ENV"];
    expect(run.stdout + run.stderr).not.toContain("env-secret-value");
    expect(JSON.parse(run.stdout).findings.map((f: { message: string }) => f.message)).toEqual([
      'runtime={"config": {}, "env": {}}',
    ]);
  });
});

/**
 * planguard bounds some builtins where OPA does not. A bound hit is an error
 * of the rule (exit 2, naming file and rule): were it undefined, the deny
 * would silently not fire.
 */
describe("planguard's own limits are errors, never silent passes", () => {
  const aliasBomb = [
    "a: &a [x, x, x, x, x, x, x, x, x]",
    ...Array.from({ length: 9 }, (_, i) => {
      const [me, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
      return `${me}: &${me} [${Array(9).fill(`*${prev}`).join(", ")}]`;
    }),
  ].join("\n");

  it.each([
    [
      "net.cidr_expand over 65,536 addresses",
      'deny contains "too many addresses" if { count(net.cidr_expand("10.0.0.0/8")) > 5 }',
      /net\.cidr_expand: CIDR too large to expand \(16777216 addresses, limit 65536\) \(a limit of planguard, not of OPA\)/,
    ],
    [
      "yaml.unmarshal over 100 aliases",
      `deny contains "aliases" if { yaml.unmarshal(${JSON.stringify(aliasBomb)}) }`,
      /yaml\.unmarshal: the document expands more than 100 aliases/,
    ],
    [
      "numbers.range over 10,000,000 numbers",
      'deny contains "long" if { count(numbers.range(1, 20000000)) > 5 }',
      /numbers\.range: range too large/,
    ],
    [
      "a comprehension over 10,000,000 elements",
      'r := numbers.range(1, 2200)\ndeny contains "big" if { count([1 | some a in r; some b in r; some c in r]) > 5 }',
      /eval_cancel_error: a comprehension built more than 10000000 elements, over the evaluation budget \(in data\.main\.deny\)/,
    ],
    [
      "an array doubled by array.concat past 10,000,000 elements",
      'a0 := numbers.range(1, 3000000)\na1 := array.concat(a0, a0)\na2 := array.concat(a1, a1)\ndeny contains "big" if { count(a2) > 5 }',
      /eval_cancel_error: array\.concat built more than 10000000 elements, over the evaluation budget \(in data\.main\.a2\)/,
    ],
  ])("%s fails the rule", async (_name, body, message) => {
    const file = policy(`package main\nimport rego.v1\n${body}\n`);
    const run = await scanWith(file, "--policy-timeout", "60000");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`planguard: ${file} (main.deny): `);
    expect(run.stderr).toMatch(message);
  });

  it("a deny yielding an empty string is still a failure", async () => {
    const file = policy(
      'package main\nimport rego.v1\ndeny contains "" if { true }\ndeny_obj contains {"msg": ""} if { true }\n',
    );
    const run = await scanWith(file, "-f", "json");
    expect(run.code).toBe(1);
    expect(
      JSON.parse(run.stdout).findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`),
    ).toEqual(["main.deny: (the rule gave an empty message)", "main.deny_obj: (the rule gave an empty message)"]);
  });

  it("a deny object without msg is an error of the rule, as in conftest", async () => {
    const file = policy('package main\nimport rego.v1\ndeny contains {"message": "typo"} if { true }\n');
    const run = await scanWith(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `planguard: ${file} (main.deny): a result object has no msg field (conftest: rule missing msg field)`,
    );
  });
});
