import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSuppressions, scanHcl, SourceIndex } from "../../src/source/index.js";
import { runScan } from "../../src/scan/run.js";
import { buildSarif } from "../../src/report/sarif.js";
import { fixturePath, repoRoot, sharedMissing, sharedPath } from "../helpers/shared.js";

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
    expect(sg.members.filter((m) => m.name === "ingress").map((m) => m.line)).toEqual([27, 35]);
    expect(hcl.blocks[4]!.strings["source"]).toBe("./modules/pool");
  });

  it("never throws on malformed text and stays linear", () => {
    for (const text of ['resource "a" "b" {', '"unterminated', "<<EOF\nno end", "/* open", "}}}{{{", 'x = "${ { "', "\u0000\uffff"]) {
      expect(() => scanHcl(text)).not.toThrow();
    }
    const big = 'resource "aws_s3_bucket" "b" {\n  x = "y"\n}\n'.repeat(20_000);
    expect(scanHcl(big).blocks).toHaveLength(20_000);
  });
});

describe("inline suppressions", () => {
  it("reads planguard's form and the Checkov, Trivy and tfsec forms", () => {
    const found = parseSuppressions(
      [
        { text: "planguard:ignore PG-AWS-S3-001 exp:2026-12-31 logs only", line: 1, ownLine: true },
        { text: "checkov:skip=CKV_AWS_20:public website", line: 2, ownLine: true },
        { text: "trivy:ignore:AVD-AWS-0086", line: 3, ownLine: true },
        { text: "tfsec:ignore:aws-s3-enable-bucket-encryption", line: 4, ownLine: false },
        { text: "just a comment", line: 5, ownLine: true },
      ],
      "main.tf",
    );
    expect(found).toEqual([
      { ruleId: "PG-AWS-S3-001", reason: "logs only", expires: "2026-12-31", form: "planguard", file: "main.tf", line: 1 },
      { ruleId: "CKV_AWS_20", reason: "public website", form: "checkov", file: "main.tf", line: 2 },
      { ruleId: "AVD-AWS-0086", reason: "", form: "trivy", file: "main.tf", line: 3 },
      { ruleId: "aws-s3-enable-bucket-encryption", reason: "", form: "tfsec", file: "main.tf", line: 4 },
    ]);
  });
});

describe("locating resources", () => {
  it("finds blocks in the root module, in local child modules, and the call site of registry modules", async () => {
    const index = await SourceIndex.build({ sourceDir: repo, repoRoot, configuration });
    expect(await index.locate("aws_ebs_volume.scratch")).toEqual({ file: "fixtures/source/repo/main.tf", line: 8, endLine: 12 });
    expect(await index.locate("aws_security_group.training", "ingress.1")).toEqual({ file: "fixtures/source/repo/main.tf", line: 35, endLine: 41 });
    expect(await index.locate("module.pool[0].aws_ebs_volume.cache", "encrypted")).toEqual({ file: "fixtures/source/repo/modules/pool/main.tf", line: 5, endLine: 5 });
    expect(await index.locate("module.registry_pool.aws_ebs_volume.this[0]")).toEqual({ file: "fixtures/source/repo/main.tf", line: 50, endLine: 53 });
    expect(await index.locate("aws_s3_bucket.fake")).toBeUndefined();
  });

  it("finds local modules by their blocks when there is no configuration (state)", async () => {
    const index = await SourceIndex.build({ sourceDir: repo, repoRoot });
    expect((await index.locate("module.pool[0].aws_ebs_volume.cache"))?.file).toBe("fixtures/source/repo/modules/pool/main.tf");
  });
});

describe("a scan with sources", () => {
  it("points findings at .tf lines, applies inline suppressions and keeps them visible", async () => {
    const result = await runScan({ files: [path.join(repo, "plan.json")], config: {}, source: { sourceDir: repo, repoRoot } });
    const by = (address: string, ruleId: string) => result.findings.find((f) => f.resource?.address === address && f.ruleId === ruleId)!;
    expect(by("aws_ebs_volume.scratch", "PG-AWS-EBS-001").suppression).toEqual({ kind: "inline", reason: "scratch data only, wiped nightly", origin: "fixtures/source/repo/main.tf:7" });
    expect(by("aws_ebs_volume.data", "PG-AWS-EBS-001").suppression?.origin).toBe("fixtures/source/repo/main.tf:16");
    // tfsec's long ids are not aliases of planguard rules: the finding stays active.
    expect(by("module.pool[0].aws_ebs_volume.cache", "PG-AWS-EBS-001").suppression).toBeUndefined();
    const sg = by("aws_security_group.training", "PG-AWS-NET-001");
    expect(sg.source).toEqual({ file: "fixtures/source/repo/main.tf", line: 35, endLine: 41 });

    const sarif = buildSarif(result, { baseDir: repoRoot });
    const results = sarif.runs[0]!.results!;
    for (const r of results) expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^fixtures\/source\/repo\/.*\.tf$/);
    const suppressed = results.filter((r) => r.suppressions?.length);
    expect(suppressed.map((r) => r.suppressions![0]!.kind)).toEqual(["inSource", "inSource"]);
  });
});

describe.skipIf(sharedMissing("fixtures", "terraform-json", "deep_module"))("real modules", () => {
  it("locates deep_module's nested local modules", async () => {
    const dir = sharedPath("fixtures", "terraform-json", "deep_module");
    const plan = JSON.parse(readFileSync(path.join(dir, "plan.json"), "utf8"));
    const index = await SourceIndex.build({ sourceDir: dir, repoRoot: dir, configuration: plan.configuration });
    const where = await index.locate("module.foo.module.bar.null_resource.baz");
    expect(where?.file).toBe("foo/bar/main.tf");
    expect(where?.line).toBeGreaterThanOrEqual(1);
  });
});
