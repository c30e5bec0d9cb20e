import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildRealPlansPage,
  listRealPlans,
  outcomeOf,
  REAL_PLANS_DIR,
  REAL_PLANS_PAGE,
  verdictOf,
} from "../../scripts/real-plans.mjs";
import { loadRegoPolicies } from "../../src/policy/rego/load.js";
import type { ScanResult } from "../../src/scan/result.js";
import { runScan } from "../../src/scan/run.js";
import { runCli } from "../helpers/cli.js";

/**
 * Every real plan in fixtures/real-plans (Terraform 0.12 to 1.x, plan format
 * 0.1 to 1.2, OpenTofu, other scanners' test plans, and the derived Terraform
 * 1.0.x drift shape) is scanned with every bundled rule: none may be refused or
 * make a rule fail. States are scanned too; the JSON files that are neither are
 * left out by the list (scripts/real-plans.mjs). The scans also feed
 * docs/real-plans.md, which must match them.
 */
const files = listRealPlans();
const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });
const scanned = new Map<string, ScanResult>();
const scan = async (file: string): Promise<ScanResult> => {
  const cached = scanned.get(file);
  if (cached) return cached;
  const result = await runScan({ files: [file], config: {}, rego });
  scanned.set(file, result);
  return result;
};

describe("every real plan is read", () => {
  it("has the corpus: plan formats 0.1 to 1.2, Terraform 0.12 to 1.9, OpenTofu, other scanners' plans", () => {
    expect(files.length).toBeGreaterThan(50);
    for (const dir of ["opentofu-show-json/", "terraform-json/", "checkov/", "derived/"])
      expect(
        files.some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
    expect(files).not.toContain("expectations.json");
  });

  for (const rel of files) {
    it(`scans ${rel}`, async () => {
      const result = await scan(path.join(REAL_PLANS_DIR, rel));
      expect(result.failures).toEqual([]);
      expect(result.inputs).toHaveLength(1);
    });
  }

  it("exits 0 or 1, never 2, from the command line over all of them at once", async () => {
    const run = await runCli(["scan", "--no-color", "-f", "json", ...files.map((f) => path.join(REAL_PLANS_DIR, f))]);
    expect(run.stderr).not.toMatch(/error/i);
    expect([0, 1]).toContain(run.code);
  });

  it("docs/real-plans.md is what a fresh scan says (run `npm run docs:real-plans` after a change)", async () => {
    const page = await buildRealPlansPage(scan);
    expect(readFileSync(REAL_PLANS_PAGE, "utf8")).toBe(page);
    // The corpus carries expectations that planguard can be compared with.
    expect(page).toMatch(/\| agrees \|/);
  });
});

describe("comparing with another scanner's expected result", () => {
  const finding = (ruleId: string, address: string, undecided = false) => ({
    ruleId,
    resource: { address, type: "aws_x", module: "" },
    undecided,
  });
  const rules = [
    { id: "PG-A", aliases: ["CKV_AWS_1"] },
    { id: "PG-B", aliases: ["CKV_AWS_2"] },
  ];

  it("takes the verdict of the rules that carry the id as an alias, on the named resource only", () => {
    const result = { rules, findings: [finding("PG-A", "aws_x.a"), finding("PG-B", "aws_x.b")] };
    expect(verdictOf(result, { check: "ckv_aws_1", resource: "aws_x.a" })).toEqual({
      verdict: "fail",
      rules: ["PG-A"],
    });
    expect(verdictOf(result, { check: "CKV_AWS_1", resource: "aws_x.b" })).toEqual({
      verdict: "pass",
      rules: ["PG-A"],
    });
    expect(verdictOf(result, { check: "*", resource: "aws_x.b" })).toEqual({ verdict: "fail", rules: ["PG-B"] });
  });

  it("tells an undecided finding and a missing rule apart from a pass", () => {
    const result = { rules, findings: [finding("PG-A", "aws_x.a", true), finding("PG-B", "aws_x.a")] };
    expect(verdictOf(result, { check: "CKV_AWS_1", resource: "aws_x.a" }).verdict).toBe("undecided");
    expect(verdictOf(result, { check: "CKV_AWS_9", resource: "aws_x.a" })).toEqual({
      verdict: "no equivalent rule",
      rules: ["PG-B"],
    });
    expect(outcomeOf({ expect: "fail" }, "no equivalent rule")).toBe("not compared");
    expect(outcomeOf({ expect: "fail" }, "undecided")).toBe("disagrees");
    expect(outcomeOf({ expect: "pass" }, "pass")).toBe("agrees");
  });
});
