import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressMatcher } from "../../src/filter/address-glob.js";
import { runScan } from "../../src/scan/run.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const ebsBad = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
const sgBad = fixturePath("rules", "PG-AWS-NET-001", "fail.json");
const tmp = () => mkdtempSync(path.join(tmpdir(), "planguard-filter-"));

describe("address patterns", () => {
  it("match whole addresses with * and ?", () => {
    expect(addressMatcher("module.training.*")('module.training.aws_instance.gpu["a"]')).toBe(true);
    expect(addressMatcher("aws_instance.gpu[?]")("aws_instance.gpu[3]")).toBe(true);
    expect(addressMatcher("aws_instance.gpu")("aws_instance.gpu[3]")).toBe(false);
  });

  it("agree with the regular expression they describe", () => {
    // A reference for small cases: * is .*, ? is ., the rest literal.
    const reference = (pattern: string, address: string) =>
      new RegExp(
        `^${[...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`,
      ).test(address);
    const alphabet = fc.constantFrom("a", "b", ".", "[", "]");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(alphabet, fc.constant("*"), fc.constant("?")), { maxLength: 8 }),
        fc.array(alphabet, { maxLength: 10 }),
        (p, a) => {
          expect(addressMatcher(p.join(""))(a.join(""))).toBe(reference(p.join(""), a.join("")));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("do not backtrack: many stars against a long address that almost matches", () => {
    // A backtracking matcher (the regular expression above) takes exponential time here and never returns.
    const pattern = "*a".repeat(40) + "*b";
    const address = "a".repeat(20_000);
    expect(addressMatcher(pattern)(address)).toBe(false);
    expect(addressMatcher(pattern)(address + "b")).toBe(true);
    expect(addressMatcher('module.m["*"].aws_instance.*')(`module.m["${"k".repeat(100_000)}"].aws_instance.gpu`)).toBe(
      true,
    );
  });
});

describe("waivers", () => {
  it("suppress matching findings by rule id or alias, keeping them visible", async () => {
    const result = await runScan({
      files: [ebsBad],
      config: {
        waivers: [
          { rule: "CKV_AWS_3", resource: "aws_ebs_volume.*", reason: "scratch data only", expires: "2099-01-01" },
        ],
      },
      today: "2026-11-26",
    });
    const f = result.findings.find((x) => x.ruleId === "PG-AWS-EBS-001")!;
    expect(f.suppression).toMatchObject({ kind: "waiver", reason: "scratch data only", expires: "2099-01-01" });
  });

  it("stop suppressing after their expiry date, and are reported", async () => {
    const result = await runScan({
      files: [ebsBad],
      config: { waivers: [{ rule: "PG-AWS-EBS-001", reason: "until the migration", expires: "2026-01-31" }] },
      configFile: "team.yaml",
      today: "2026-11-26",
    });
    expect(result.findings.find((x) => x.ruleId === "PG-AWS-EBS-001")!.suppression).toBeUndefined();
    const expired = result.findings.find((x) => x.ruleId === "PG-CONFIG-001")!;
    expect(expired.message).toContain("expired on 2026-01-31");
    expect(expired.file).toBe("team.yaml");
    expect(result.rules.map((r) => r.id)).toContain("PG-CONFIG-001");
  });

  it("are validated in the config", async () => {
    const dir = tmp();
    const config = path.join(dir, "c.yaml");
    writeFileSync(config, "waivers:\n  - rule: PG-AWS-EBS-001\n    expires: 2026-01-31\n");
    const run = await runCli(["scan", "--config", config, ebsBad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"waivers\.0" must have required property 'reason'/);
  });

  it.each(["9999-99-99", "2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10"])(
    "refuse the impossible expiry date %s",
    async (date) => {
      const dir = tmp();
      const config = path.join(dir, "c.yaml");
      writeFileSync(config, `waivers:\n  - rule: PG-AWS-EBS-001\n    reason: r\n    expires: "${date}"\n`);
      const run = await runCli(["scan", "--config", config, ebsBad]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toMatch(
        new RegExp(`^planguard: \\S*c\\.yaml:4: waivers\\[0\\]\\.expires "${date}" is not a date \\(YYYY-MM-DD\\)$`),
      );
    },
  );

  it("accept a leap day", async () => {
    const dir = tmp();
    const config = path.join(dir, "c.yaml");
    writeFileSync(config, `waivers:\n  - rule: PG-AWS-EBS-001\n    reason: r\n    expires: "2028-02-29"\n`);
    const run = await runCli(["scan", "--config", config, ebsBad]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("baseline", () => {
  it("records today's findings and then fails only on new ones", async () => {
    const dir = tmp();
    const baseline = path.join(dir, "baseline.json");
    expect((await runCli(["scan", ebsBad, "--write-baseline", baseline])).code).toBe(1);
    expect(JSON.parse(readFileSync(baseline, "utf8")).findings[0]).toMatchObject({
      ruleId: "PG-AWS-EBS-001",
      address: "aws_ebs_volume.scratch",
    });

    const again = await runCli(["scan", ebsBad, "--baseline", baseline, "-f", "json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).findings[0].suppression.kind).toBe("baseline");

    const withNew = await runCli(["scan", ebsBad, sgBad, "--baseline", baseline]);
    expect(withNew.code).toBe(1);
    expect(withNew.stdout).toContain("PG-AWS-NET-001");
  });

  it("refuses a file that is not a baseline", async () => {
    const run = await runCli(["scan", ebsBad, "--baseline", ebsBad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a planguard baseline/);
  });
});

describe("--changed-only", () => {
  it("judges only what the plan creates, updates or replaces", async () => {
    const dir = tmp();
    const plan = JSON.parse(readFileSync(ebsBad, "utf8"));
    plan.resource_changes[0].change.actions = ["no-op"];
    plan.resource_changes[0].change.before = plan.resource_changes[0].change.after;
    const file = path.join(dir, "noop.json");
    writeFileSync(file, JSON.stringify(plan));
    expect((await runCli(["scan", file])).code).toBe(1);
    expect((await runCli(["scan", file, "--changed-only"])).code).toBe(0);
    expect((await runCli(["scan", ebsBad, "--changed-only"])).code).toBe(1);
  });
});
