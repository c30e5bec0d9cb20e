import { summarizeGpus } from "../../src/gpu/summary.js";
import type { Finding } from "../../src/policy/types.js";
import type { ScanResult } from "../../src/scan/result.js";

/** A result shaped like a large real scan: long addresses, messages and linked sources. */
export function syntheticResult(n: number): ScanResult {
  const severities = ["critical", "high", "medium", "low", "info"] as const;
  const categories = ["encryption", "iam", "network", "gpu"] as const;
  const rules = Array.from({ length: 40 }, (_, i) => ({
    id: `PG-SYN-${String(i).padStart(3, "0")}`,
    title: `Synthetic rule ${i}`,
    description: "",
    severity: severities[i % 5]!,
    category: categories[i % 4]!,
    providers: [],
    resourceTypes: [],
    compliance: [],
    remediation: `Set the attribute that rule ${i} asks for, for example encrypted = true with a customer-managed KMS key, and apply.`,
    aliases: [],
    language: "typescript" as const,
    origin: "builtin",
  }));
  const findings: Finding[] = Array.from({ length: n }, (_, i) => {
    const rule = rules[i % rules.length]!;
    const address = `module.platform_${i % 50}.aws_s3_bucket.training_data_bucket_${i}`;
    return {
      ruleId: rule.id,
      severity: rule.severity,
      category: rule.category,
      message: `S3 bucket ${address} does not declare server-side encryption with a customer-managed key (number ${i}).`,
      resource: { address, type: "aws_s3_bucket", module: `module.platform_${i % 50}` },
      attribute: "server_side_encryption_configuration",
      source: { file: `modules/platform_${i % 50}/storage.tf`, line: 10 + (i % 400), endLine: 30 + (i % 400) },
      fingerprint: String(i).padStart(32, "0"),
      file: "plan.json",
    };
  });
  return {
    tool: { name: "planguard", version: "test" },
    inputs: [
      { file: "plan.json", kind: "plan", format: "plan", formatVersion: "1.2", resources: n, judged: n, warnings: [] },
    ] as ScanResult["inputs"],
    rules,
    findings,
    failures: [],
    gpu: summarizeGpus([]),
  };
}
