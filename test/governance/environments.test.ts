import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig, type PlanguardConfig } from "../../src/config/config.js";
import { runScan } from "../../src/scan/run.js";
import { runCli } from "../helpers/cli.js";

/** The environment model: configuration, detection, and how a plan's environment is chosen. */

const dir = mkdtempSync(path.join(tmpdir(), "pg-env-"));

const CONFIG = `
environments:
  prod: { aws_accounts: ["111111111111"], gcp_projects: [ml-prod], regions: [us-east-1], tags: { env: prod }, require_image_digest: true }
  dev: { aws_accounts: ["222222222222"], gcp_projects: [ml-dev], regions: [us-east-1], tags: { env: dev } }
`;

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const configFile = write("envs.yaml", CONFIG);
const config: PlanguardConfig = parseConfig(configFile, CONFIG);

function plan(providerConfig: Record<string, unknown>, resources: unknown[] = [], variables?: Record<string, unknown>) {
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    resource_changes: resources,
    ...(variables
      ? { variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v }])) }
      : {}),
    configuration: { provider_config: providerConfig, root_module: {} },
  };
}

const awsProvider = (expressions: Record<string, unknown>) => ({
  aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", version_constraint: "~> 5.70", expressions },
});
const assumeRole = (account: string) => ({
  assume_role: [{ role_arn: { constant_value: `arn:aws:iam::${account}:role/ci` } }],
});

function image(img: string) {
  return {
    address: "aws_lambda_function.f",
    mode: "managed",
    type: "aws_lambda_function",
    name: "f",
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: {
      actions: ["create"],
      before: null,
      after: { function_name: "f", package_type: "Image", image_uri: img },
      after_unknown: {},
      before_sensitive: false,
      after_sensitive: {},
    },
  };
}

describe("detecting the plan's environment", () => {
  it("reads the account of the provider's assume_role ARN", async () => {
    const file = write(
      "dev.json",
      plan(
        {
          ...awsProvider(assumeRole("222222222222")),
          google: {
            name: "google",
            version_constraint: "~> 6.0",
            expressions: { project: { references: ["var.project"] } },
          },
        },
        [],
        { project: "ml-dev" },
      ),
    );
    const result = await runScan({ files: [file], config });
    expect(result.failures).toEqual([]);
    expect(result.findings.filter((f) => f.category === "governance" && !f.undecided)).toEqual([]);
  });

  it("stops with exit 2 and says how to choose when providers point at two environments", async () => {
    const file = write(
      "both.json",
      plan({
        ...awsProvider(assumeRole("111111111111")),
        google: {
          name: "google",
          version_constraint: "~> 6.0",
          expressions: { project: { constant_value: "ml-dev" } },
        },
      }),
    );
    const run = await runCli(["scan", file, "-c", configFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("both.json");
    expect(run.stderr).toMatch(/prod \(AWS account 111111111111.*\) and dev \(GCP project ml-dev/);
    expect(run.stderr).toContain("--environment <name>");
  });

  it("treats an account known only after apply as undecided, and asks for --environment", async () => {
    const file = write(
      "later.json",
      plan(awsProvider({ assume_role: [{ role_arn: { references: ["data.aws_ssm_parameter.role.value"] } }] })),
    );
    const run = await runCli(["scan", file, "-c", configFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('provider "aws" assume_role.role_arn is computed (known only after apply');
  });

  it("with --environment, judges the plan as that environment and reports the other one", async () => {
    const file = write("both2.json", plan({ ...awsProvider(assumeRole("111111111111")) }));
    const asDev = await runCli(["scan", file, "-c", configFile, "--environment", "dev", "-f", "json"]);
    expect(asDev.code).toBe(1);
    expect(JSON.parse(asDev.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain("PG-AWS-GOV-001");
    const asProd = await runCli(["scan", file, "-c", configFile, "--environment", "prod", "-f", "json"]);
    expect(JSON.parse(asProd.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain("PG-AWS-GOV-001");
  });

  it("refuses an --environment the config does not declare", async () => {
    const file = write("any.json", plan(awsProvider(assumeRole("222222222222"))));
    const run = await runCli(["scan", file, "-c", configFile, "--environment", "staging"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--environment staging: not one of the config's environments (prod, dev)");
  });

  it("detects from AWS default_tags when no account is named", async () => {
    const file = write(
      "tags.json",
      plan(awsProvider({ default_tags: [{ tags: { constant_value: { env: "prod", team: "ml" } } }] }), [
        image("repo/app:1.2.3"),
      ]),
    );
    const result = await runScan({ files: [file], config });
    // prod requires digests: a fixed tag fails there.
    expect(result.findings.filter((f) => f.ruleId === "PG-AWS-GOV-013" && !f.undecided)).toHaveLength(1);
  });
});

describe("require_image_digest", () => {
  it("accepts a fixed tag in dev and refuses it in prod", async () => {
    const file = write("img.json", plan(awsProvider(assumeRole("222222222222")), [image("repo/app:1.2.3")]));
    const dev = await runScan({ files: [file], config });
    expect(dev.findings.filter((f) => f.ruleId === "PG-AWS-GOV-013")).toEqual([]);
    const prod = await runScan({ files: [file], config: { ...config, environment: "prod" } });
    const found = prod.findings.filter((f) => f.ruleId === "PG-AWS-GOV-013");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("@sha256: digest");
  });
});

describe("the environments block in the config", () => {
  const bad = (text: string) => () => parseConfig("cfg.yaml", text);
  it("names the key of a malformed environment", () => {
    expect(bad("environments:\n  prod: { aws_accounts: [12345] }\n")).toThrow(/environments\.prod\.aws_accounts\.0/);
    expect(bad("environments:\n  prod: { account: x }\n")).toThrow(/unknown key "environments\.prod\.account"/);
    expect(bad("environments: []\n")).toThrow(/"environments" must be object/);
  });
  it("refuses an id declared by two environments", () => {
    expect(
      bad('environments:\n  a: { aws_accounts: ["111111111111"] }\n  b: { aws_accounts: ["111111111111"] }\n'),
    ).toThrow(/"environments\.b\.aws_accounts" lists 111111111111, which "environments\.a\.aws_accounts" lists too/);
  });
  it("refuses an environment: that is not declared", () => {
    expect(bad("environment: qa\nenvironments:\n  prod: { regions: [us-east-1] }\n")).toThrow(
      /"environment" names "qa", which is not a key of "environments"/,
    );
    expect(bad("environment: qa\n")).toThrow(/no "environments" block/);
  });
});

describe("drift uses the same declarations", () => {
  const state = (tags: Record<string, string>) => ({
    format_version: "1.0",
    terraform_version: "1.9.8",
    values: {
      root_module: {
        resources: [
          {
            address: "aws_s3_bucket.scratch",
            mode: "managed",
            type: "aws_s3_bucket",
            name: "scratch",
            provider_name: "registry.terraform.io/hashicorp/aws",
            schema_version: 0,
            values: { bucket: "acme-scratch", tags, tags_all: tags },
            sensitive_values: {},
          },
        ],
      },
    },
  });
  const baseline = write("base-state.json", state({ env: "dev" }));
  const current = write("current-state.json", state({ env: "prod" }));
  const ruleIds = (stdout: string) =>
    (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);

  it("reports a drift that tags a dev resource for prod when the environment is chosen", async () => {
    const run = await runCli([
      "drift",
      "--baseline",
      baseline,
      "--current",
      current,
      "-c",
      configFile,
      "--environment",
      "dev",
      "-f",
      "json",
    ]);
    expect(ruleIds(run.stdout)).toContain("PG-GOV-001");
  });

  it("asks for --environment when scanning a state", async () => {
    const run = await runCli(["scan", current, "-c", configFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "a state carries no provider configuration to tell its environment from; pass --environment <name>",
    );
    const chosen = await runCli(["scan", current, "-c", configFile, "--environment", "dev", "-f", "json"]);
    expect(ruleIds(chosen.stdout)).toContain("PG-GOV-001");
  });

  it("leaves environment rules silent on states without a chosen environment (states carry no provider configuration)", async () => {
    const run = await runCli(["drift", "--baseline", baseline, "--current", current, "-c", configFile, "-f", "json"]);
    expect(ruleIds(run.stdout)).not.toContain("PG-GOV-001");
    expect(ruleIds(run.stdout)).toContain("PG-DRIFT-001");
  });
});
