import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-test-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("planguard test", () => {
  const library = () =>
    dirWith({
      "p.rego": 'package p\nallow if input.user == "admin"\n',
      "p_test.rego":
        'package p_test\nimport data.p\ntest_admin if p.allow with input as {"user": "admin"}\ntest_guest_denied if not p.allow with input as {"user": "guest"}\ntest_wrong if {\n  print("user is", "guest")\n  trace("checking allow")\n  p.allow with input as {"user": "guest"}\n}\nv := 1\nv := 2\ntest_broken if v == 1\n',
    });

  it("reports like opa test: the tests that did not pass under file:line:, then PASS/FAIL/ERROR counts", async () => {
    const run = await runCli(["test", library()]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("data."))).toEqual([
      expect.stringMatching(/^data\.p_test\.test_wrong: FAIL \([\d.]+(ns|µs|ms|s)\)$/),
      expect.stringMatching(/^data\.p_test\.test_broken: ERROR \(/),
    ]);
    expect(run.stdout).toMatch(/p_test\.rego:5:\ndata\.p_test\.test_wrong: FAIL/);
    // print output of a failed test is shown, trace notes only with -v.
    expect(run.stdout).toContain("\n  user is guest\n");
    expect(run.stdout).not.toContain("checking allow");
    expect(run.stdout).toMatch(/test_broken: ERROR .*\n {2}.*eval_conflict_error/);
    expect(lines.slice(-4)).toEqual(["-".repeat(80), "PASS: 2/4", "FAIL: 1/4", "ERROR: 1/4"]);
  });

  it("lists every test with -v, with print output and trace notes", async () => {
    const run = await runCli(["test", "-v", library()]);
    expect(run.stdout).toMatch(/p_test\.rego:3:\ndata\.p_test\.test_admin: PASS \(/);
    expect(run.stdout).toMatch(/test_wrong: FAIL \([^)]*\)\n\n {2}user is guest\n {2}Note "checking allow"\n/);
    expect(run.stdout.trimEnd().split("\n").slice(-3)).toEqual(["PASS: 2/4", "FAIL: 1/4", "ERROR: 1/4"]);
  });

  it("selects tests with --run and reports JSON, each test listed", async () => {
    const dir = dirWith({ "t.rego": 'package t\ntest_a if trace("a")\ntest_b if false\n' });
    const run = await runCli(["test", dir, "--run", "test_a", "-f", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ passed: 1, failed: 0 });
    expect(report.results).toEqual([
      expect.objectContaining({
        package: "t",
        name: "test_a",
        status: "pass",
        line: 2,
        output: [{ kind: "note", text: "a" }],
      }),
    ]);
  });

  it("loads JSON and YAML files as data at their directory's path, as opa test does", async () => {
    const dir = dirWith({
      "lib/k8s/data.json": '{"allowed": ["a"]}',
      "lib/k8s/limits.yaml": "cpu: 2\n",
      "lib/k8s/k8s.rego": "package lib.k8s\ndefault strict := false\nok(x) if x in data.k8s.allowed\n",
      "validator/fixture.yaml": "name: x\n",
      "validator/v_test.rego":
        'package validator\nimport data.lib.k8s\ntest_ok if k8s.ok("a")\ntest_limits if data.k8s.cpu == 2\ntest_root if data.name == "x"\n',
    });
    const run = await runCli(["test", path.join(dir, "lib"), path.join(dir, "validator")]);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("PASS: 3/3");
    expect(run.code).toBe(0);
    // A module reached twice (lib and lib/k8s) is loaded once; lib/k8s's data also lands at the root, as in OPA.
    const again = await runCli([
      "test",
      path.join(dir, "lib"),
      path.join(dir, "lib", "k8s"),
      path.join(dir, "validator"),
    ]);
    expect(again.stdout.trimEnd().split("\n").at(-1)).toBe("PASS: 3/3");
  });

  it("exits 2 naming both files when two data files define one key", async () => {
    const dir = dirWith({
      "lib/a/data.json": '{"x": 1}',
      "lib/a/more.yaml": "x: 2\n",
      "lib/t.rego": "package t\ntest_a if true\n",
    });
    const run = await runCli(["test", path.join(dir, "lib")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/more\.yaml: merge error: data\.a\.x is already defined by .*data\.json/);
  });

  it("exits 2 with the file, line and column of a parse error", async () => {
    const dir = dirWith({ "bad.rego": "package bad\ndeny contains msg if {\n  msg := \n}\n" });
    const run = await runCli(["test", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.rego:\d+:\d+: rego_parse_error: /);
  });

  it("reports a file that does not compile, leaves it out whole, and runs the other files' tests", async () => {
    const dir = dirWith({
      "good.rego": "package good\ntest_ok if true\n",
      "bad.rego": "package bad\np if {\n  x := \n}\ntest_in_bad if true\n",
      // Needs bad.rego's rule: left out in turn, with its own error.
      "uses.rego": "package uses\ntest_uses if data.bad.p(1)\n",
    });
    const run = await runCli(["test", dir, "--format", "json"]);
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout).results as { name: string; status: string }[];
    expect(results.map((r) => [r.name, r.status])).toEqual([["test_ok", "pass"]]);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^planguard: .*bad\.rego:4:1: rego_parse_error: /);
    expect(lines[1]).toMatch(/^planguard: .*uses\.rego:2:\d+: rego_type_error: undefined function data\.bad\.p/);
    expect(lines[2]).toBe("planguard: 2 policy file(s) did not compile; their tests did not run");
  });

  it("exits 2 naming a builtin planguard does not provide", async () => {
    const dir = dirWith({
      "net.rego": 'package net\nx := http.send({"method": "get", "url": "http://example.com"})\n',
    });
    const run = await runCli(["test", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/undefined function http\.send/);
  });

  it("loads the bundled helper library with the user's files: a failed assertion says what was expected", async () => {
    const dir = dirWith({
      "bucket.rego":
        'package mine\nimport data.planguard.lib\ndeny contains {"msg": "no key", "resource": r.address, "attribute": "encryption"} if {\n  some r in data.planguard.resources_by_type.google_storage_bucket\n  not lib.non_empty(object.get(r.after, "kms", null))\n}\n',
      "bucket_test.rego":
        'package mine_test\nimport data.mine\nimport data.planguard.lib.test as t\ntest_keyed_bucket_passes if {\n  t.assert_passes(mine.deny, "google_storage_bucket.b") with data.planguard.resources_by_type as t.one_resource("google_storage_bucket.b", {"kms": ""}, [])\n}\ntest_bare_bucket_denied if {\n  t.assert_denied(mine.deny, "google_storage_bucket.b", "encryption") with data.planguard.resources_by_type as t.one_resource("google_storage_bucket.b", {}, [])\n}\n',
    });
    const run = await runCli(["test", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/data\.mine_test\.test_keyed_bucket_passes: FAIL/);
    expect(run.stdout).toContain(
      "\n  assert_passes: expected no finding on google_storage_bucket.b; the rule reported google_storage_bucket.b at encryption\n",
    );
    expect(run.stdout.trimEnd().split("\n").slice(-2)).toEqual(["PASS: 1/2", "FAIL: 1/2"]);
  });

  it("passes every test of the bundled policy library", async () => {
    const run = await runCli(["test", path.join(repoRoot, "policies")]);
    expect(run.stdout).not.toMatch(/^(FAIL|ERROR)/m);
    expect(run.code).toBe(0);
    const total = /^PASS: (\d+)\/(\d+)$/m.exec(run.stdout);
    expect(total?.[1]).toBe(total?.[2]);
    expect(Number(total?.[1])).toBeGreaterThan(100);
  });
});

describe("a v0 policy library", () => {
  it("passes its own tests (with, partial rules, helpers in another package, function mocks) under --rego-version v0", async () => {
    const run = await runCli(["test", "-v", "--rego-version", "v0", path.join(repoRoot, "fixtures", "v0-library")]);
    expect(run.stdout).toMatch(/test_helper_mocked: PASS/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("PASS: 9/9");
    expect(run.code).toBe(0);
  });

  it("runs in a scan with --all-namespaces", async () => {
    const plan = path.join(repoRoot, "fixtures", "rules", "PG-AWS-NET-001", "fail.json");
    const run = await runCli([
      "scan",
      plan,
      "--no-bundled",
      "--policy",
      path.join(repoRoot, "fixtures", "v0-library"),
      "--all-namespaces",
      "--rego-version",
      "v0",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("aws_security_group.training opens SSH to the internet");
  });

  it("is refused without --rego-version v0, as OPA 1.x refuses it, with a pointer to the flag", async () => {
    const library = path.join(repoRoot, "fixtures", "v0-library");
    const plan = path.join(repoRoot, "fixtures", "rules", "PG-AWS-NET-001", "fail.json");
    for (const args of [
      ["test", library],
      ["scan", plan, "--no-bundled", "--policy", library, "--all-namespaces"],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /\.rego:\d+:\d+: rego_parse_error: .*\(the file is Rego v0 syntax: pass --rego-version v0\)/,
      );
    }
  });
});
