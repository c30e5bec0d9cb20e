import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCAN_FORMATS } from "../../src/report/formats.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

// AWS's documentation example key pair, written in clear (not marked sensitive) into user data,
// a Lambda environment and an ECS container environment: the credential rules find it, and their
// findings name the kind of credential, never the value.
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const plan = fixturePath("plans", "credentials", "plan.json");

describe("credentials found in a plan's values", () => {
  it("are planted in the fixture, so the test can fail", () => {
    const text = readFileSync(plan, "utf8");
    expect(text).toContain(KEY_ID);
    expect(text).toContain(SECRET);
  });

  it("are reported by the credential rules on every resource that holds them", async () => {
    const run = await runCli(["scan", plan, "-f", "json"]);
    const found = (JSON.parse(run.stdout).findings as { ruleId: string; resource: { address: string } }[])
      .filter((f) => ["PG-AWS-EC2-108", "PG-AWS-LAMBDA-107", "PG-AWS-ECS-103"].includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.resource.address}`);
    expect(new Set(found)).toEqual(
      new Set([
        "PG-AWS-EC2-108 aws_instance.trainer",
        "PG-AWS-EC2-108 aws_launch_template.gpu",
        "PG-AWS-LAMBDA-107 aws_lambda_function.ingest",
        "PG-AWS-ECS-103 aws_ecs_task_definition.trainer",
      ]),
    );
  });

  it("reach no report format and no file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-credentials-"));
    for (const format of Object.keys(SCAN_FORMATS)) {
      const run = await runCli(["scan", plan, "-f", format, "-o", `${format}=${path.join(dir, `out.${format}`)}`]);
      expect(run.code).toBe(1);
      for (const text of [run.stdout, run.stderr]) {
        expect(text).not.toContain(KEY_ID);
        expect(text).not.toContain(SECRET);
      }
    }
    for (const file of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, file), "utf8");
      expect(text).not.toContain(KEY_ID);
      expect(text).not.toContain(SECRET);
    }
  });
});
