import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-test-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("planguard test", () => {
  it("runs every test_* rule, one line each, and closes with N passed, N failed", async () => {
    const dir = dirWith({
      "p.rego": "package p\nallow if input.user == \"admin\"\n",
      "p_test.rego": 'package p_test\nimport data.p\ntest_admin if p.allow with input as {"user": "admin"}\ntest_guest_denied if not p.allow with input as {"user": "guest"}\ntest_wrong if p.allow with input as {"user": "guest"}\n',
    });
    const run = await runCli(["test", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^PASS  .*p_test\.rego:3 p_test\.test_admin/m);
    expect(run.stdout).toMatch(/^FAIL  .*p_test\.rego:5 p_test\.test_wrong/m);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("2 passed, 1 failed");
  });

  it("selects tests with --run and reports JSON", async () => {
    const dir = dirWith({ "t.rego": "package t\ntest_a if true\ntest_b if false\n" });
    const run = await runCli(["test", dir, "--run", "test_a", "-f", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ passed: 1, failed: 0 });
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
    const dir = dirWith({ "net.rego": 'package net\nx := http.send({"method": "get", "url": "http://example.com"})\n' });
    const run = await runCli(["test", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/undefined function http\.send/);
  });

  it("passes every test of the bundled policy library", async () => {
    const run = await runCli(["test", path.join(repoRoot, "policies")]);
    expect(run.stdout).not.toMatch(/^(FAIL|ERROR)/m);
    expect(run.code).toBe(0);
    expect(Number(/^(\d+) passed, 0 failed$/m.exec(run.stdout)?.[1])).toBeGreaterThan(100);
  });
});

describe("a v0 policy library", () => {
  it("passes its own tests (with, partial rules, helpers in another package, function mocks) under --rego-version v0", async () => {
    const run = await runCli(["test", "--rego-version", "v0", path.join(repoRoot, "fixtures", "v0-library")]);
    expect(run.stdout).toMatch(/test_helper_mocked/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("9 passed, 0 failed");
    expect(run.code).toBe(0);
  });

  it("runs in a scan with --all-namespaces", async () => {
    const plan = path.join(repoRoot, "fixtures", "rules", "PG-AWS-NET-001", "fail.json");
    const run = await runCli(["scan", plan, "--no-bundled", "--policy", path.join(repoRoot, "fixtures", "v0-library"), "--all-namespaces", "--rego-version", "v0"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("aws_security_group.training opens SSH to the internet");
  });

  it("is refused without --rego-version v0, as OPA 1.x refuses it, with a pointer to the flag", async () => {
    const library = path.join(repoRoot, "fixtures", "v0-library");
    const plan = path.join(repoRoot, "fixtures", "rules", "PG-AWS-NET-001", "fail.json");
    for (const args of [["test", library], ["scan", plan, "--no-bundled", "--policy", library, "--all-namespaces"]]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/\.rego:\d+:\d+: rego_parse_error: .*\(the file is Rego v0 syntax: pass --rego-version v0\)/);
    }
  });
});
