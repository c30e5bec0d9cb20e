import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSourceIndex, SourceIndex } from "../../src/source/index.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

const dir = fixturePath("source", "ml-platform");
const root = "fixtures/source/ml-platform/main.tf";
const pool = "fixtures/source/ml-platform/modules/gpu-pool/main.tf";
const nested = "fixtures/source/ml-platform/modules/gpu-pool/nested/main.tf";
const configuration = JSON.parse(readFileSync(path.join(dir, "plan.json"), "utf8")).configuration;

describe.each([
  ["with the plan's configuration", configuration],
  ["without a configuration (state)", undefined],
])("locating in ml-platform %s", (_, config) => {
  let index: SourceIndex;
  beforeAll(async () => {
    index = await buildSourceIndex({ sourceDir: dir, repoRoot, configuration: config });
  });

  it("finds root resources and their line ranges", () => {
    expect(index.locate("aws_s3_bucket.artifacts")).toEqual({ file: root, line: 16, endLine: 21 });
    expect(index.locate("aws_iam_policy.train")).toEqual({ file: root, line: 34, endLine: 42 });
    expect(index.locate("aws_ebs_volume.scratch")).toEqual({ file: root, line: 60, endLine: 63 });
  });

  it("finds resources in a local module, whatever the instance keys", () => {
    expect(index.locate('module.gpu_pool["train"].aws_instance.node[1]')).toEqual({
      file: pool,
      line: 33,
      endLine: 41,
    });
    expect(index.locate('module.gpu_pool["a.b[1]"].aws_launch_template.gpu')).toEqual({
      file: pool,
      line: 6,
      endLine: 30,
    });
    expect(index.locate('module.gpu_pool["a\\"b"].aws_launch_template.gpu')?.line).toBe(6);
  });

  it("finds data sources in a nested local module (a subdirectory is another module)", () => {
    expect(index.locate('module.gpu_pool["train"].module.nested.data.aws_iam_policy_document.assume')).toEqual({
      file: nested,
      line: 1,
      endLine: 5,
    });
    // The nested module's file is not part of gpu-pool: the data source is not found there.
    expect(index.locate('module.gpu_pool["train"].data.aws_iam_policy_document.assume')).toBeUndefined();
  });

  it("points the resources of a registry module, and of modules inside it, at the module block", () => {
    expect(index.locate("module.vpc.aws_vpc.this[0]")).toEqual({ file: root, line: 52, endLine: 55 });
    expect(index.locate("module.vpc.module.flow_logs.aws_flow_log.this", "log_destination")).toEqual({
      file: root,
      line: 52,
      endLine: 55,
    });
  });

  it("points a module call address at its module block", () => {
    expect(index.locate('module.gpu_pool["train"]')).toEqual({ file: root, line: 44, endLine: 49 });
    expect(index.locate('module.gpu_pool["train"].module.nested')).toEqual({ file: pool, line: 43, endLine: 45 });
    // Inside a registry module, the registry module's block stands for its calls.
    expect(index.locate("module.vpc.module.flow_logs")).toEqual({ file: root, line: 52, endLine: 55 });
  });

  it("points an attribute path at its attribute or nested block, as deep as the source goes", () => {
    expect(index.locate("aws_s3_bucket.artifacts", "tags.Name")).toEqual({ file: root, line: 18, endLine: 20 });
    expect(
      index.locate('module.gpu_pool["train"].aws_launch_template.gpu', "block_device_mappings.0.ebs.0.encrypted"),
    ).toEqual({ file: pool, line: 19, endLine: 19 });
    expect(index.locate('module.gpu_pool["train"].aws_launch_template.gpu', "block_device_mappings[0].ebs")).toEqual({
      file: pool,
      line: 18,
      endLine: 21,
    });
    expect(index.locate('module.gpu_pool["train"].aws_launch_template.gpu', "user_data")).toEqual({
      file: pool,
      line: 9,
      endLine: 14,
    });
    // Through a dynamic block to the attribute in its content.
    expect(
      index.locate(
        'module.gpu_pool["train"].aws_launch_template.gpu',
        "network_interfaces.0.associate_public_ip_address",
      ),
    ).toEqual({ file: pool, line: 27, endLine: 27 });
    // A path that is not in the source (a computed attribute): the block, or as deep as found.
    expect(index.locate("aws_s3_bucket.artifacts", "arn")).toEqual({ file: root, line: 16, endLine: 21 });
    expect(index.locate('module.gpu_pool["train"].aws_launch_template.gpu', "block_device_mappings.0.no_such")).toEqual(
      { file: pool, line: 16, endLine: 22 },
    );
  });

  it("returns undefined for what is not there, and for what is not an address", () => {
    expect(index.locate("aws_s3_bucket.nope")).toBeUndefined();
    expect(index.locate("module.nope.aws_s3_bucket.x")).toBeUndefined();
    expect(index.locate("not an address")).toBeUndefined();
    expect(index.locate("")).toBeUndefined();
    expect(index.locate('module.a["unterminated.x.y')).toBeUndefined();
  });

  it("reads every suppression form, with the module block's applying to everything in the call", () => {
    const strip = (address: string) =>
      index
        .inlineSuppressions(address)
        .map(
          (s) =>
            `${s.form} ${s.ruleId} ${s.file === root ? "root" : s.file === pool ? "pool" : s.file}:${s.line}${s.expires ? ` exp ${s.expires}` : ""}${s.reason ? ` (${s.reason})` : ""}`,
        );
    expect(strip("aws_s3_bucket.artifacts")).toEqual([
      "planguard PG-AWS-S3-001 root:14 exp 2026-12-31 (artifacts are public model cards)",
      "planguard PG-AWS-S3-002 root:15",
    ]);
    expect(strip("aws_s3_bucket_versioning.artifacts")).toEqual([
      "planguard PG-AWS-S3-003 root:24 (versioning handled by replication)",
      "checkov CKV_AWS_21 root:25 (replicated elsewhere)",
    ]);
    expect(strip("aws_iam_policy.train")).toEqual(["trivy AVD-AWS-0057 root:41"]);
    // The note above the blank line does not apply; the trailing comment holds two forms.
    expect(strip("aws_ebs_volume.scratch")).toEqual([
      "checkov CKV_AWS_3 root:62 (scratch)",
      "trivy AVD-AWS-0026 root:62 exp 2027-01-31",
    ]);
    expect(strip('module.gpu_pool["train"].aws_instance.node[0]')).toEqual([
      "tfsec aws-ec2-enable-at-rest-encryption root:45",
      "planguard PG-GPU-005 pool:32 exp 0000-00-00 (a date that does not exist)",
      "planguard PG-AWS-EC2-103 pool:37 (IMDSv1 needed by the legacy agent)",
    ]);
    expect(strip('module.gpu_pool["a.b[1]"].module.nested.data.aws_iam_policy_document.assume')).toEqual([
      "tfsec aws-ec2-enable-at-rest-encryption root:45",
    ]);
    expect(strip("module.vpc.module.flow_logs.aws_flow_log.this")).toEqual([
      "checkov CKV_TF_1 root:51 (pinned by version)",
    ]);
    expect(strip("aws_s3_bucket.nope")).toEqual([]);
  });

  it("hands out copies: a caller changing a result does not change the index", () => {
    const first = index.locate("aws_s3_bucket.artifacts")!;
    first.line = 999;
    index.inlineSuppressions("aws_s3_bucket.artifacts")[0]!.ruleId = "changed";
    expect(index.locate("aws_s3_bucket.artifacts")!.line).toBe(16);
    expect(index.inlineSuppressions("aws_s3_bucket.artifacts")[0]!.ruleId).toBe("PG-AWS-S3-001");
  });
});

describe("building a source index", () => {
  it("reads the .tf files of the module directories the sources lead to, and only those", async () => {
    const index = await SourceIndex.build({ sourceDir: dir, repoRoot, configuration });
    expect(
      index
        .files()
        .map((f) => path.relative(repoRoot, f).split(path.sep).join("/"))
        .sort(),
    ).toEqual([root, pool, nested]);
  });

  it("writes paths relative to the repository root, and absolute outside it", async () => {
    const inside = await buildSourceIndex({ sourceDir: dir, repoRoot: dir });
    expect(inside.locate("aws_s3_bucket.artifacts")?.file).toBe("main.tf");
    const outside = await buildSourceIndex({ sourceDir: dir, repoRoot: path.join(dir, "modules") });
    expect(outside.locate("aws_s3_bucket.artifacts")?.file).toBe(path.join(dir, "main.tf").split(path.sep).join("/"));
  });

  it("is empty, not an error, for a directory that does not exist", async () => {
    const index = await buildSourceIndex({ sourceDir: path.join(dir, "no-such-dir"), repoRoot, configuration });
    expect(index.locate("aws_s3_bucket.artifacts")).toBeUndefined();
    expect(index.inlineSuppressions("aws_s3_bucket.artifacts")).toEqual([]);
  });

  it("trusts the configuration's local source even when the calling block cannot be found", async () => {
    const ghost = { root_module: { module_calls: { ghost: { source: "./modules/gpu-pool", module: {} } } } };
    const index = await buildSourceIndex({ sourceDir: dir, repoRoot, configuration: ghost });
    expect(index.locate("module.ghost.aws_instance.node[0]")).toEqual({ file: pool, line: 33, endLine: 41 });
    expect(index.locate("module.ghost")).toBeUndefined();
  });

  it("ignores a configuration of the wrong shape", async () => {
    for (const bad of [
      null,
      42,
      "x",
      [],
      { root_module: [] },
      { root_module: { module_calls: { m: 1, n: { source: 7 } } } },
    ]) {
      const index = await buildSourceIndex({ sourceDir: dir, repoRoot, configuration: bad });
      expect(index.locate("aws_s3_bucket.artifacts")?.line).toBe(16);
    }
  });
});
