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
// Found by name (a password, an API key), by another vendor's shape, in a URL, and a value the
// plan marks sensitive (redacted at load, reported as such).
const PLANTED = [
  KEY_ID,
  SECRET,
  "Planted-Password-91x",
  "Planted0wandb0Key0c4f9e21b7a",
  "sk_live_Planted0Stripe0Key0000000",
  "Planted-Sensitive-44q",
];
const plan = fixturePath("plans", "credentials", "plan.json");

describe("credentials found in a plan's values", () => {
  it("are planted in the fixture, so the test can fail", () => {
    const text = readFileSync(plan, "utf8");
    for (const value of PLANTED) expect(text).toContain(value);
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

  it("name each Lambda variable that holds one, and only those", async () => {
    const run = await runCli(["scan", plan, "-f", "json"]);
    const attributes = (JSON.parse(run.stdout).findings as { ruleId: string; attribute?: string }[])
      .filter((f) => f.ruleId === "PG-AWS-LAMBDA-107")
      .map((f) => f.attribute);
    expect(new Set(attributes)).toEqual(
      new Set(
        ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "STRIPE_KEY", "FEATURES_URL", "TRAIN_TOKEN"].map(
          (name) => `environment.0.variables.${name}`,
        ),
      ),
    );
  });

  it("reach no report format and no file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-credentials-"));
    for (const format of Object.keys(SCAN_FORMATS)) {
      const run = await runCli(["scan", plan, "-f", format, "-o", `${format}=${path.join(dir, `out.${format}`)}`]);
      expect(run.code).toBe(1);
      for (const text of [run.stdout, run.stderr]) {
        for (const value of PLANTED) expect(text).not.toContain(value);
      }
    }
    for (const file of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const value of PLANTED) expect(text).not.toContain(value);
    }
  });
});
