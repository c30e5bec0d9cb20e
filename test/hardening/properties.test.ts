import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";
import { evaluateTypeScriptRules } from "../../src/policy/evaluate.js";
import { RuleSelection } from "../../src/policy/select.js";
import { formatJson } from "../../src/report/json.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatText } from "../../src/report/text.js";
import { summarizeGpus } from "../../src/gpu/summary.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import type { ScanResult } from "../../src/scan/result.js";
import type { PlanguardConfig } from "../../src/config/config.js";

/**
 * Random but valid plans, made of the resource types the rules judge with
 * attribute values of every shape, must never crash a rule, and every
 * report format must tell the same story.
 */
const TYPES = [
  "aws_ebs_volume",
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_s3_bucket",
  "aws_sagemaker_notebook_instance",
  "aws_iam_policy",
  "aws_iam_role_policy",
  "google_storage_bucket_iam_member",
  "google_project_iam_binding",
  "aws_security_group",
  "aws_security_group_rule",
  "google_compute_firewall",
  "aws_instance",
  "google_compute_instance",
  "google_container_node_pool",
  "azurerm_linux_virtual_machine",
  "aws_sagemaker_endpoint_configuration",
];

const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1, max: 70000 }),
    fc.constantFrom(
      "0.0.0.0/0",
      "::/0",
      "10.0.0.0/8",
      "*",
      "Enabled",
      "Disabled",
      "allUsers",
      "p4d.24xlarge",
      "a2-highgpu-1g",
      "nvidia-tesla-t4",
      "tcp",
      "-1",
      "22",
      "INGRESS",
      "",
    ),
    fc.string({ maxLength: 8 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        "cidr_blocks",
        "from_port",
        "to_port",
        "protocol",
        "type",
        "count",
        "ports",
        "team",
        "Action",
        "Resource",
      ),
      tie("value"),
      { maxKeys: 3 },
    ),
  ),
})).value;

const attributeNames = fc.constantFrom(
  "encrypted",
  "storage_encrypted",
  "publicly_accessible",
  "kms_key_id",
  "direct_internet_access",
  "policy",
  "member",
  "members",
  "ingress",
  "cidr_blocks",
  "from_port",
  "to_port",
  "protocol",
  "type",
  "source_ranges",
  "allow",
  "direction",
  "instance_type",
  "machine_type",
  "guest_accelerator",
  "tags",
  "labels",
  "node_config",
  "autoscaling",
  "size",
  "production_variants",
  "server_side_encryption_configuration",
);

const resourceChange = fc.record({
  type: fc.constantFrom(...TYPES),
  name: fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
  module: fc.option(fc.constantFrom("module.a", 'module.b["x"]', "module.a.module.c[0]"), { nil: undefined }),
  key: fc.option(fc.oneof(fc.nat(5), fc.constantFrom("k", "a.b")), { nil: undefined }),
  actions: fc.constantFrom(
    ["create"],
    ["update"],
    ["delete"],
    ["no-op"],
    ["delete", "create"],
    ["create", "delete"],
    ["read"],
    ["forget"],
  ),
  after: fc.option(fc.dictionary(attributeNames, anyValue, { maxKeys: 6 }), { nil: null }),
  unknown: fc.dictionary(attributeNames, fc.constant(true), { maxKeys: 2 }),
  sensitive: fc.dictionary(attributeNames, fc.constant(true), { maxKeys: 2 }),
});

const planArb = fc.array(resourceChange, { maxLength: 12 }).map((changes) => {
  const seen = new Set<string>();
  const resource_changes = [];
  for (const c of changes) {
    const key = c.key === undefined ? "" : typeof c.key === "number" ? `[${c.key}]` : `[${JSON.stringify(c.key)}]`;
    const address = `${c.module ? c.module + "." : ""}${c.type}.${c.name}${key}`;
    if (seen.has(address)) continue;
    seen.add(address);
    resource_changes.push({
      address,
      mode: "managed",
      type: c.type,
      name: c.name,
      provider_name: "registry.terraform.io/hashicorp/aws",
      change: {
        actions: c.actions,
        before: null,
        after: c.after,
        after_unknown: c.unknown,
        before_sensitive: false,
        after_sensitive: c.sensitive,
      },
    });
  }
  return { format_version: "1.2", resource_changes };
});

const config: PlanguardConfig = {
  gpu: { max_total: 4, max_per_resource: 2, allowed_models: ["L4"], require_tags: ["team"] },
};

function scan(plan: unknown): ScanResult {
  const model = buildModel(parseDocument("random.json", Buffer.from(JSON.stringify(plan))));
  const selection = new RuleSelection(config);
  const evaluation = evaluateTypeScriptRules(model, BUNDLED_RULES, config, selection);
  return {
    tool: { name: "planguard", version: "test" },
    inputs: [],
    rules: BUNDLED_RULES.map((r) => r.meta),
    findings: evaluation.findings,
    failures: evaluation.failures,
    gpu: summarizeGpus([model]),
  };
}

describe("property: random valid plans", () => {
  it("never crash a rule", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(scan(plan).failures).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("give the same findings in every report format", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const result = scan(plan);
        const json = JSON.parse(formatJson(result));
        const sarif = JSON.parse(formatSarif(result, { baseDir: "/" }));
        const text = formatText(result);
        const markdown = formatMarkdown(result);
        const total = result.findings.length;
        expect(json.summary.total).toBe(total);
        expect(sarif.runs[0].results).toHaveLength(total);
        expect(json.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(
          sarif.runs[0].results.map(
            (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["planguardFingerprint/v1"],
          ),
        );
        if (total === 0) {
          expect(text).toContain("No findings");
          expect(markdown).toContain("No findings");
        } else {
          expect(text).toContain(`${total} finding${total === 1 ? "" : "s"}:`);
          expect(markdown).toContain(`**${total} finding${total === 1 ? "" : "s"}**`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
