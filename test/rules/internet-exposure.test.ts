import { describe, expect, it } from "vitest";
import { loadRegoPolicies } from "../../src/policy/rego/load.js";
import { runScan } from "../../src/scan/run.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * fixtures/causes/internet: plans whose rules admit the internet without
 * writing 0.0.0.0/0 (halves, IPv6 halves, Azure start-end ranges, port
 * ranges around SSH), their private or narrow twins, and rules whose ranges
 * are known only after apply.
 */
const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });

async function findings(name: string) {
  const result = await runScan({ files: [fixturePath("causes", "internet", `${name}.json`)], config: {}, rego });
  expect(result.failures).toEqual([]);
  // PG-GCP-SQL-104 reports any public IP on Cloud SQL, whatever its authorized networks, and
  // PG-AZURE-NET-109 Azure's "allow Azure services" rule (0.0.0.0-0.0.0.0): not internet ranges.
  return result.findings.filter(
    (f) => f.category === "network" && f.ruleId !== "PG-GCP-SQL-104" && f.ruleId !== "PG-AZURE-NET-109",
  );
}

const key = (f: { ruleId: string; resource?: { address: string } }) => `${f.ruleId} ${f.resource?.address}`;

describe("open to the internet, decided on the address space", () => {
  it("fails every rule that admits the internet in pieces", async () => {
    const decided = (await findings("fail")).filter((f) => !f.undecided);
    expect(decided.map(key).sort()).toEqual([
      "PG-AWS-NET-001 aws_security_group.split_halves",
      "PG-AWS-NET-001 aws_security_group.v6_halves",
      "PG-AWS-NET-101 aws_network_acl_rule.half",
      "PG-AZURE-NET-103 azurerm_mssql_firewall_rule.high",
      "PG-AZURE-NET-103 azurerm_mssql_firewall_rule.low",
      "PG-GCP-NET-001 google_compute_firewall.halves",
      // Its ports 20-25 include FTP's 20 and 21 as well as SSH.
      "PG-GCP-NET-108 google_compute_firewall.halves",
      "PG-GCP-SQL-103 google_sql_database_instance.halves",
    ]);
    const ssh = decided.find((f) => f.resource?.address === "aws_security_group.split_halves")!;
    expect(ssh.message).toContain("SSH (22)");
    expect(ssh.message).toContain("0.0.0.0/1 and 128.0.0.0/1");
    const v6 = decided.find((f) => f.resource?.address === "aws_security_group.v6_halves")!;
    expect(v6.message).toContain("SSH (22) and Telnet (23)");
    expect(decided.find((f) => f.ruleId === "PG-AWS-NET-101")!.message).toContain("RDP (3389)");
    expect(decided.find((f) => f.ruleId === "PG-GCP-SQL-103")!.attribute).toBe(
      "settings.0.ip_configuration.0.authorized_networks.1.value",
    );
  });

  it("passes private, documentation, narrow public ranges and ports beside the sensitive ones", async () => {
    expect((await findings("pass")).map(key)).toEqual([]);
  });

  it("reports the 0.0.0.0-0.0.0.0 database rule as admitting every Azure service, not the internet", async () => {
    const result = await runScan({ files: [fixturePath("causes", "internet", "pass.json")], config: {}, rego });
    expect(result.findings.filter((f) => f.ruleId.startsWith("PG-AZURE-NET-10")).map(key)).toEqual([
      "PG-AZURE-NET-109 azurerm_mssql_firewall_rule.azure_services",
    ]);
  });

  it("leaves ranges known only after apply undecided", async () => {
    const all = await findings("unknown");
    expect(all.map((f) => [key(f), f.undecided])).toEqual(
      expect.arrayContaining([
        ["PG-AWS-NET-001 aws_security_group.computed", true],
        ["PG-GCP-NET-001 google_compute_firewall.computed", true],
      ]),
    );
    expect(all.filter((f) => !f.undecided)).toEqual([]);
  });
});
