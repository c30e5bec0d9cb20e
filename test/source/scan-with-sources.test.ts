import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanHcl, SourceIndex } from "../../src/source/index.js";
import { runScan } from "../../src/scan/run.js";
import { buildSarif } from "../../src/report/sarif.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

const repo = fixturePath("source", "repo");
const configuration = JSON.parse(readFileSync(path.join(repo, "plan.json"), "utf8")).configuration;

describe("the HCL scanner", () => {
  it("finds blocks and their members, ignoring braces in strings, templates, heredocs and comments", () => {
    const hcl = scanHcl(readFileSync(path.join(repo, "main.tf"), "utf8"));
    const names = hcl.blocks.map((b) => `${b.kind} ${b.labels.join(" ")}@${b.line}-${b.endLine}`);
    expect(names).toEqual([
      "locals @3-5",
      "resource aws_ebs_volume scratch@8-12",
      "resource aws_ebs_volume data@14-18",
      "resource aws_security_group training@20-42",
      "module pool@44-47",
      "module registry_pool@50-53",
    ]);
    const sg = hcl.blocks[3]!;
    expect(sg.members.filter((m) => m.name === "ingress").map((m) => [m.line, m.endLine])).toEqual([
      [27, 33],
      [35, 41],
    ]);
    expect(hcl.blocks[4]!.strings["source"]).toBe("./modules/pool");
  });
});

describe("locating resources", () => {
  it("finds blocks in the root module, in local child modules, and the call site of registry modules", async () => {
    const index = await SourceIndex.build({ sourceDir: repo, repoRoot, configuration });
    expect(index.locate("aws_ebs_volume.scratch")).toEqual({
      file: "fixtures/source/repo/main.tf",
      line: 8,
      endLine: 12,
    });
    expect(index.locate("aws_security_group.training", "ingress.1")).toEqual({
      file: "fixtures/source/repo/main.tf",
      line: 35,
      endLine: 41,
    });
    expect(index.locate("module.pool[0].aws_ebs_volume.cache", "encrypted")).toEqual({
      file: "fixtures/source/repo/modules/pool/main.tf",
      line: 5,
      endLine: 5,
    });
    expect(index.locate("module.registry_pool.aws_ebs_volume.this[0]")).toEqual({
      file: "fixtures/source/repo/main.tf",
      line: 50,
      endLine: 53,
    });
    expect(index.locate("aws_s3_bucket.fake")).toBeUndefined();
  });

  it("finds local modules by their blocks when there is no configuration (state)", async () => {
    const index = await SourceIndex.build({ sourceDir: repo, repoRoot });
    expect(index.locate("module.pool[0].aws_ebs_volume.cache")?.file).toBe("fixtures/source/repo/modules/pool/main.tf");
  });
});

describe("a scan with sources", () => {
  it("points findings at .tf lines, applies inline suppressions and keeps them visible", async () => {
    const result = await runScan({
      files: [path.join(repo, "plan.json")],
      config: {},
      source: { sourceDir: repo, repoRoot },
    });
    const by = (address: string, ruleId: string) =>
      result.findings.find((f) => f.resource?.address === address && f.ruleId === ruleId)!;
    expect(by("aws_ebs_volume.scratch", "PG-AWS-EBS-001").suppression).toEqual({
      kind: "inline",
      reason: "scratch data only, wiped nightly",
      origin: "fixtures/source/repo/main.tf:7",
    });
    expect(by("aws_ebs_volume.data", "PG-AWS-EBS-001").suppression?.origin).toBe("fixtures/source/repo/main.tf:16");
    // tfsec's long ids are not aliases of planguard rules: the finding stays active.
    expect(by("module.pool[0].aws_ebs_volume.cache", "PG-AWS-EBS-001").suppression).toBeUndefined();
    const sg = by("aws_security_group.training", "PG-AWS-NET-001");
    expect(sg.source).toEqual({ file: "fixtures/source/repo/main.tf", line: 35, endLine: 41 });

    const sarif = buildSarif(result, { baseDir: repoRoot });
    const results = sarif.runs[0]!.results!;
    // Every finding about a resource points at its .tf block; plan-wide ones (a provider without a version constraint) at the plan.
    for (const r of results.filter((r) => r.locations![0]!.logicalLocations))
      expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^fixtures\/source\/repo\/.*\.tf$/);
    expect(results.filter((r) => !r.locations![0]!.logicalLocations).map((r) => r.ruleId)).toEqual(["PG-GOV-004"]);
    const suppressed = results.filter((r) => r.suppressions?.length);
    expect(suppressed.map((r) => r.suppressions![0]!.kind)).toEqual(["inSource", "inSource"]);
  });
});
