import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/** The test results of `planguard test <args> --format json`, as [name, status]. */
async function testResults(args: string[]): Promise<{ code: number; results: [string, string][] }> {
  const run = await runCli(["test", ...args, "--format", "json"]);
  const results = (JSON.parse(run.stdout).results as { name: string; status: string }[]).map(
    (r) => [r.name, r.status] as [string, string],
  );
  return { code: run.code, results };
}

describe("policy libraries in the shapes real ones have", () => {
  it("a v0 library mixing late imports, split and iterating with, mocks and dynamic references passes under --rego-version v0", async () => {
    const { code, results } = await testResults(["--rego-version", "v0", fixturePath("rego-libraries", "v0-mixed")]);
    expect(results).toEqual([
      ["test_violations_through_dynamic_ref", "pass"],
      ["test_with_split_over_lines", "pass"],
      ["test_with_value_that_iterates", "pass"],
      ["test_owner_missing", "pass"],
      ["test_mock_calls_original", "pass"],
      ["test_builtin_replacement", "pass"],
      ["test_key_value_membership", "pass"],
    ]);
    expect(code).toBe(0);
  });

  it("the same library without the flag is refused file by file, each error pointing to --rego-version v0", async () => {
    const run = await runCli(["test", fixturePath("rego-libraries", "v0-mixed")]);
    expect(run.code).toBe(2);
    const errors = run.stderr.split("\n").filter((l) => l.includes("rego_parse_error"));
    expect(errors).toHaveLength(4);
    for (const e of errors)
      expect(e).toMatch(/\.rego:\d+:\d+: rego_parse_error: .*\(the file is Rego v0 syntax: pass --rego-version v0\)$/);
  });

  it("a v1 library with imports after its rules and a template string passes", async () => {
    const { code, results } = await testResults([fixturePath("rego-libraries", "v1-late-imports")]);
    expect(results).toEqual([
      ["test_deny", "pass"],
      ["test_template_undefined", "pass"],
    ]);
    expect(code).toBe(0);
  });
});
