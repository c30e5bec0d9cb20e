import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCAN_FORMATS } from "../../src/report/formats.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const MARKER = "PLANGUARD-SECRET-MARKER-7f3a";
const plan = fixturePath("plans", "secrets", "plan.json");

describe("sensitive values", () => {
  it("are planted in the fixture, so the test can fail", () => {
    expect(readFileSync(plan, "utf8").split(MARKER).length - 1).toBeGreaterThanOrEqual(10);
  });

  it("reach no report format, no file and no --debug output", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-secrets-"));
    // Every format the scan has, so that a new one (junitxml) is covered without being listed.
    const formats = Object.keys(SCAN_FORMATS);
    expect(formats).toContain("junitxml");
    expect(formats).toContain("html");
    for (const format of formats) {
      const run = await runCli([
        "--debug",
        "scan",
        plan,
        "-f",
        format,
        "-o",
        `${format}=${path.join(dir, `out.${format}`)}`,
        "--write-baseline",
        path.join(dir, "baseline.json"),
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain(MARKER);
      expect(run.stderr).not.toContain(MARKER);
    }
    for (const file of readdirSync(dir)) expect(readFileSync(path.join(dir, file), "utf8")).not.toContain(MARKER);
  });

  it("still lets the rules judge the resource that holds them", async () => {
    const run = await runCli(["scan", plan, "-f", "json"]);
    const ids = JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(["PG-AWS-RDS-001", "PG-AWS-NET-002", "PG-AWS-EBS-001"]));
  });
});

/** A Rego policy that fires when any value of `input` still holds the marker: what a user's policy could read. */
const LEAK_POLICY = `package main
import rego.v1
deny contains "the marker reached a policy" if {
  walk(input, [_, v])
  is_string(v)
  contains(v, "${MARKER}")
}
`;

const base = () =>
  JSON.parse(readFileSync(fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), "utf8")) as Record<string, unknown>;

/** Scans `text` with the leak policy and every report format; returns the exit code and everything printed or written. */
async function scanForLeaks(text: string): Promise<{ code: number; everything: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-secrets-"));
  const plan = path.join(dir, "plan.json");
  const policy = path.join(dir, "leak.rego");
  writeFileSync(plan, text);
  writeFileSync(policy, LEAK_POLICY);
  const outputs = ["json", "sarif", "markdown", "github"].flatMap((f) => ["-o", `${f}=${path.join(dir, `out.${f}`)}`]);
  const run = await runCli(["scan", plan, "--policy", policy, ...outputs]);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith("out."))
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
  return { code: run.code, everything: [run.stdout, run.stderr, ...files].join("\n") };
}

describe("sensitive values Terraform marks away from resource_changes", () => {
  it("the leak policy fires on an unmarked copy of the marker (so the tests below can fail)", async () => {
    const plan = base();
    (plan["resource_changes"] as { change: { after: Record<string, unknown> } }[])[0]!.change.after["note"] = MARKER;
    const run = await scanForLeaks(JSON.stringify(plan));
    expect(run.everything).toContain("the marker reached a policy");
  });

  it("are redacted in deferred changes (deferred_changes[].resource_change, after and before)", async () => {
    const plan = base();
    plan["deferred_changes"] = [
      {
        reason: "provider_config_unknown",
        resource_change: {
          address: "aws_db_instance.d",
          mode: "managed",
          type: "aws_db_instance",
          name: "d",
          provider_name: "registry.terraform.io/hashicorp/aws",
          change: {
            actions: ["update"],
            before: { password: MARKER },
            after: { password: MARKER, tags: { t: MARKER } },
            after_unknown: {},
            before_sensitive: { password: true },
            after_sensitive: { password: true, tags: { t: true } },
          },
        },
      },
    ];
    const run = await scanForLeaks(JSON.stringify(plan));
    expect(run.code).toBe(1);
    expect(run.everything).not.toContain(MARKER);
    expect(run.everything).not.toContain("the marker reached a policy");
  });

  it("are redacted in state modules nested 300 levels deep", async () => {
    let module = `{"address":"module.m0","resources":[{"address":"module.m0.aws_db_instance.d","mode":"managed","type":"aws_db_instance","name":"d","provider_name":"registry.terraform.io/hashicorp/aws","values":{"password":"${MARKER}"},"sensitive_values":{"password":true}}]}`;
    for (let i = 1; i < 300; i++) module = `{"address":"module.m${i}","resources":[],"child_modules":[${module}]}`;
    const state = `{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[],"child_modules":[${module}]}}}`;
    const run = await scanForLeaks(state);
    expect(run.everything).not.toContain(MARKER);
    expect(run.everything).not.toContain("the marker reached a policy");
  });

  it("are redacted under masks nested 100,000 levels deep (walked without recursion)", async () => {
    const depth = 100_000;
    const plan = JSON.stringify(base())
      .replace('"size":500', `"size":500,"deep":${"[".repeat(depth)}"${MARKER}"${"]".repeat(depth)}`)
      .replace('"after_sensitive":{}', `"after_sensitive":{"deep":${"[".repeat(depth)}true${"]".repeat(depth)}}`);
    expect(plan).toContain(MARKER);
    const run = await scanForLeaks(plan);
    // The leak policy cannot walk that deep (a rule failure, exit 2), but nothing printed or written holds the value.
    expect(run.everything).not.toContain(MARKER);
    expect(run.everything).not.toContain("the document is nested too deeply");
    expect(run.code).toBe(2);
  });
});
