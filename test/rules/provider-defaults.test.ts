import { describe, expect, it } from "vitest";
import { loadRegoPolicies } from "../../src/policy/rego/load.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { configuredAt, PROVIDER_DEFAULTS, tableEntry } from "../../src/rules/defaults.js";
import { runScan } from "../../src/scan/run.js";
import { fixturePath } from "../helpers/shared.js";

const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });

/**
 * fixtures/causes/defaults: resources whose configuration leaves an
 * attribute out (fail: the provider's default is the problem), the same with
 * the attribute set or an account setting that covers it (pass), and with the
 * attribute set to a value known only after apply (unknown).
 */
async function findings(name: string) {
  const result = await runScan({ files: [fixturePath("causes", "defaults", `${name}.json`)], config: {}, rego });
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => !OTHER_SUBJECTS.has(f.ruleId));
}

/**
 * Rules on other subjects of the same resources: secrets encryption (PG-AWS-EKS-101), whether
 * the endpoint is public at all (PG-AWS-EKS-104), the volume's customer-managed key
 * (PG-AWS-EBS-102), the instance's IAM role (PG-AWS-EC2-107), the VM's project-wide SSH keys
 * (PG-GCP-COMPUTE-108: its metadata is not the subject here); the storage account is public on
 * purpose (the fixtures test its network rules' default), which PG-AZURE-STORAGE-109 (any public
 * endpoint) rightly reports, has no private endpoint, which PG-AZURE-STORAGE-111 reports, and
 * no customer-managed key, which PG-AZURE-STORAGE-110 reports.
 */
const OTHER_SUBJECTS = new Set([
  "PG-AWS-EKS-101",
  "PG-AWS-EKS-104",
  "PG-AWS-EBS-102",
  "PG-AWS-EC2-107",
  "PG-GCP-COMPUTE-108",
  "PG-AZURE-STORAGE-109",
  "PG-AZURE-STORAGE-111",
  "PG-AZURE-STORAGE-110",
]);

const key = (f: { ruleId: string; resource?: { address: string } }) => `${f.ruleId} ${f.resource?.address}`;

describe("an attribute left out takes the provider's default", () => {
  it("judges the default when the configuration leaves the attribute out", async () => {
    const all = await findings("fail");
    expect(all.filter((f) => f.undecided)).toEqual([]);
    expect(all.map(key).sort()).toEqual([
      "PG-AWS-DYNAMODB-101 aws_dynamodb_table.features",
      "PG-AWS-EBS-001 aws_ebs_volume.scratch",
      "PG-AWS-EC2-101 aws_instance.trainer",
      "PG-AWS-EKS-102 aws_eks_cluster.training",
      "PG-AZURE-STORAGE-107 azurerm_storage_account.datasets",
      "PG-GCP-COMPUTE-102 google_compute_instance.trainer",
    ]);
    expect(all.find((f) => f.ruleId === "PG-AWS-EKS-102")!.message).toContain("0.0.0.0/0");
    expect(all.find((f) => f.ruleId === "PG-AWS-EBS-001")!.message).toContain("provider's default is false");
  });

  it("passes when the attribute is set, or EBS encryption by default is on in the same plan", async () => {
    expect((await findings("pass")).map(key)).toEqual([]);
  });

  it("stays undecided when the author set the attribute to a value known only after apply", async () => {
    const all = await findings("unknown");
    expect(all.filter((f) => !f.undecided)).toEqual([]);
    expect(all.map(key)).toContain("PG-AWS-EBS-001 aws_ebs_volume.scratch");
  });
});

describe("the provider defaults table", () => {
  it("names its source, provider and version range for every entry, once per attribute", () => {
    const keys = new Set<string>();
    for (const d of PROVIDER_DEFAULTS) {
      expect(d.source).toMatch(/^https:\/\//);
      expect(d.provider).toMatch(/^hashicorp\/(aws|google|azurerm)$/);
      expect(d.versions).toMatch(/^>= \d/);
      const k = `${d.resource_type} ${d.attribute}`;
      expect(keys.has(k)).toBe(false);
      keys.add(k);
    }
  });

  it("has an entry for every default a rule says it assumes, and every entry is assumed by a rule", () => {
    const regoRules = rego?.rules ?? [];
    expect(regoRules.length).toBeGreaterThan(100);
    const rules = [...BUNDLED_RULES, ...regoRules].map((r) => r.meta);
    const assumed = new Set(rules.flatMap((r) => r.defaults ?? []));
    for (const k of assumed) {
      const [type = "", attribute = ""] = k.split(" ");
      expect(tableEntry(type, attribute), k).toBeDefined();
    }
    for (const d of PROVIDER_DEFAULTS) expect(assumed.has(`${d.resource_type} ${d.attribute}`), d.attribute).toBe(true);
  });

  it("tells a left-out attribute from one a dynamic block may write", () => {
    const expr = { vpc_config: [{ subnet_ids: { constant_value: [] } }], name: { constant_value: "x" } };
    expect(configuredAt(expr, ["vpc_config", 0, "public_access_cidrs"])).toBe("no");
    expect(configuredAt(expr, ["vpc_config", 0, "subnet_ids"])).toBe("yes");
    expect(configuredAt(expr, ["name"])).toBe("yes");
    expect(configuredAt(expr, ["kms_key_id"])).toBe("no");
    // A block missing from the configuration's expressions may be a dynamic block.
    expect(configuredAt(expr, ["encryption_config", 0, "provider"])).toBe("maybe");
    expect(configuredAt(expr, ["vpc_config", 3, "public_access_cidrs"])).toBe("maybe");
    expect(configuredAt(undefined, ["name"])).toBe("maybe");
    // A single nested block (NestingSingle) is an object, not a list.
    expect(configuredAt({ boot: { image: { constant_value: "x" } } }, ["boot", 0, "kms"])).toBe("no");
  });
});
