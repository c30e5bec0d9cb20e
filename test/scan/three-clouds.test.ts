import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/policy/types.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * The policy library's acceptance test, run as a new user would: the whole
 * bundled library through the command line, on a realistic ML platform on
 * AWS, GCP and Azure with known-good and known-bad resources in every
 * category. Every bad resource is flagged in its category, no good one is,
 * and the sensitive value appears in no output format.
 * (fixtures/plans/.gen/three-clouds.mjs writes the plan and the verdicts.)
 */
type Category = "encryption" | "iam" | "network" | "gpu";
type Cloud = "aws" | "gcp" | "azure";
interface Verdict {
  verdict: "bad" | "good";
  category: Category;
  cloud: Cloud;
  check?: string;
  /** Rules that the same fault rightly trips as well (no encryption declared: no KMS key either). */
  also?: string[];
  why: string;
}
interface Expected {
  secret_marker: string;
  gpu: { after: number; by_model_after: Record<string, number> };
  undecided_allowed: { address: string; check: string }[];
  resources: Record<string, Verdict>;
}
interface Report {
  findings: Finding[];
  failures: unknown[];
  gpu: { after: { total: number; byModel: Record<string, number> }; undecided: string[] };
}

const dir = (...p: string[]) => fixturePath("plans", "three-clouds", ...p);
const plan = dir("plan.json");
const config = dir(".planguard.yaml");
const expected = JSON.parse(readFileSync(dir("expected.json"), "utf8")) as Expected;
const entries = Object.entries(expected.resources);
const bads = entries.filter(([, v]) => v.verdict === "bad");
const goods = entries.filter(([, v]) => v.verdict === "good");
const CATEGORIES: Category[] = ["encryption", "iam", "network", "gpu"];
const CLOUDS: Cloud[] = ["aws", "gcp", "azure"];

describe("the three-clouds ML platform, scanned with the whole library", () => {
  let report: Report;
  // Verdicts are per pillar; the governance category (secrets in state, pinning, environments) has its own fixtures.
  const on = (address: string) =>
    report.findings.filter((f) => f.resource?.address === address && f.category !== "governance");

  beforeAll(async () => {
    const run = await runCli(["scan", plan, "--config", config, "-f", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    report = JSON.parse(run.stdout) as Report;
  });

  it("is what its generator writes (hand edits would be lost at the next regeneration)", () => {
    const generator = fixturePath("plans", ".gen", "three-clouds.mjs");
    const run = spawnSync(process.execPath, [generator, "--check"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("has known-bad and known-good resources in every category on every cloud", () => {
    for (const category of CATEGORIES) {
      const inCategory = entries.filter(([, v]) => v.category === category);
      expect(inCategory.filter(([, v]) => v.verdict === "bad").length, `${category} bad`).toBeGreaterThanOrEqual(3);
      expect(inCategory.filter(([, v]) => v.verdict === "good").length, `${category} good`).toBeGreaterThanOrEqual(3);
      for (const cloud of CLOUDS) {
        for (const verdict of ["bad", "good"]) {
          expect(
            inCategory.some(([, v]) => v.cloud === cloud && v.verdict === verdict),
            `${verdict} ${category} on ${cloud}`,
          ).toBe(true);
        }
      }
    }
  });

  it("judges every resource of the plan without a rule failure", () => {
    const addresses = (
      JSON.parse(readFileSync(plan, "utf8")) as { resource_changes: { address: string }[] }
    ).resource_changes.map((r) => r.address);
    expect(addresses.sort()).toEqual(Object.keys(expected.resources).sort());
    expect(report.failures).toEqual([]);
    // Nothing outside the expected addresses: no plan-level finding (the GPU total is under its quota).
    expect(report.findings.filter((f) => !f.resource || !(f.resource.address in expected.resources))).toEqual([]);
  });

  for (const [address, v] of bads) {
    it(`flags bad ${address} with ${v.check} (${v.category})`, () => {
      const hit = on(address).filter((f) => f.ruleId === v.check);
      expect(hit.length, `${v.check} on ${address}: ${v.why}`).toBeGreaterThan(0);
      expect(hit.every((f) => f.category === v.category && f.severity !== "info" && !f.undecided)).toBe(true);
      // Built to trip that one rule only, and those its fault trips as well.
      expect(
        on(address)
          .map((f) => f.ruleId)
          .sort(),
      ).toEqual([...hit.map(() => v.check!), ...(v.also ?? [])].sort());
    });
  }

  for (const [address, v] of goods) {
    it(`reports nothing of severity low or above on good ${address} (${v.category})`, () => {
      expect(
        on(address)
          .filter((f) => f.severity !== "info")
          .map((f) => `${f.ruleId}: ${f.message}`),
      ).toEqual([]);
    });
  }

  it("reports on good resources no undecided (info) finding but the allowed ones", () => {
    const allowed = new Set(expected.undecided_allowed.map((u) => `${u.address} ${u.check}`));
    const infos = goods.flatMap(([address]) => on(address).filter((f) => f.severity === "info"));
    expect(
      infos
        .filter((f) => !f.undecided || !allowed.has(`${f.resource!.address} ${f.ruleId}`))
        .map((f) => `${f.resource!.address} ${f.ruleId}`),
    ).toEqual([]);
  });

  it("counts the GPUs after apply by model, none undecided", () => {
    expect(report.gpu.after.total).toBe(expected.gpu.after);
    expect(report.gpu.after.byModel).toEqual(expected.gpu.by_model_after);
    expect(report.gpu.undecided).toEqual([]);
  });

  it("keeps the sensitive value out of every format", async () => {
    expect(readFileSync(plan, "utf8")).toContain(expected.secret_marker);
    for (const format of ["text", "json", "sarif", "markdown", "github"]) {
      const run = await runCli(["scan", plan, "--config", config, "-f", format]);
      expect(run.code, format).toBe(1);
      expect(run.stdout.length, format).toBeGreaterThan(0);
      expect(run.stdout + run.stderr, format).not.toContain(expected.secret_marker);
    }
  });
});
