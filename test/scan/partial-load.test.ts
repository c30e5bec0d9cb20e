import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { PARTIAL_PARSE_MIN_BYTES } from "../../src/plan/json-text.js";
import { loadRegoPolicies } from "../../src/policy/rego/load.js";
import { modelRule } from "../../src/policy/rule.js";
import { runScan } from "../../src/scan/run.js";

/**
 * A scan leaves planned_values and prior_state out of a large plan only when
 * no policy of the scan reads them; a policy that does sees them.
 */
const dir = mkdtempSync(path.join(tmpdir(), "planguard-partial-"));
const after = { bucket: "data", padding: "x".repeat(PARTIAL_PARSE_MIN_BYTES) };
const planFile = path.join(dir, "plan.json");
writeFileSync(
  planFile,
  JSON.stringify({
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: [
          { address: "aws_s3_bucket.planned", mode: "managed", type: "aws_s3_bucket", name: "planned", values: after },
        ],
      },
    },
    resource_changes: [
      {
        address: "aws_s3_bucket.b",
        mode: "managed",
        type: "aws_s3_bucket",
        name: "b",
        change: { actions: ["create"], before: null, after, after_unknown: {} },
      },
    ],
    prior_state: { format_version: "1.0", values: { root_module: { resources: [] } } },
    configuration: { root_module: {} },
  }),
);

function policy(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A TypeScript rule that reports which members the loaded document has. */
const membersSeen = modelRule({
  id: "TEST-MEMBERS",
  title: "members",
  description: "reports the document's top-level members",
  severity: "info",
  category: "encryption",
  remediation: "none",
  check: (ctx) => ({ kind: "fail", message: Object.keys(ctx.model.document).sort().join(",") }),
});

async function scan(policyFile: string) {
  const rego = await loadRegoPolicies({ paths: [policyFile], dataFiles: [], namespaces: ["main"], bundled: false });
  return runScan({
    files: [planFile],
    config: parseConfig("c.yaml", ""),
    rules: [membersSeen],
    ...(rego ? { rego } : {}),
  });
}

describe("loading only what the scan's policies read", () => {
  it("leaves out planned_values and prior_state when policies read only resource_changes", async () => {
    const result = await scan(
      policy("changes.rego", "package main\ndeny contains r.address if { some r in input.resource_changes }\n"),
    );
    const messages = result.findings.map((f) => f.message);
    expect(messages).toContain("aws_s3_bucket.b");
    expect(messages).toContain("configuration,format_version,resource_changes");
  });

  it("keeps planned_values for a policy that reads it", async () => {
    const result = await scan(
      policy(
        "planned.rego",
        "package main\ndeny contains r.address if { some r in input.planned_values.root_module.resources }\n",
      ),
    );
    const messages = result.findings.map((f) => f.message);
    expect(messages).toContain("aws_s3_bucket.planned");
    expect(messages).toContain("configuration,format_version,planned_values,resource_changes");
  });

  it("keeps everything for a policy that uses input as a whole", async () => {
    const result = await scan(
      policy("whole.rego", 'package main\ndeny contains k if { some k, _ in input; k == "prior_state" }\n'),
    );
    expect(result.findings.map((f) => f.message)).toContain("prior_state");
  });
});
