import path from "node:path";
import { describe, expect, it } from "vitest";
import { PARTIAL_PARSE_MIN_BYTES } from "../../src/plan/json-text.js";
import { loadDocument, parseDocument } from "../../src/plan/load.js";
import { attr, buildModel } from "../../src/plan/model.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * Terraform lists every planned resource in resource_changes, but plans trimmed
 * by hand or by other tools (Trivy's test plans) carry an empty resource_changes
 * beside a full planned_values. Those resources are judged from planned_values,
 * with a warning, instead of a clean report on a plan that is not clean.
 */
const bucket = (address: string, values: Record<string, unknown>) => ({
  address,
  mode: "managed",
  type: "aws_s3_bucket",
  name: address.split(".").pop(),
  provider_name: "registry.terraform.io/hashicorp/aws",
  schema_version: 0,
  values,
  sensitive_values: {},
});
const trimmed = (resources: unknown[], extra: Record<string, unknown> = {}) => ({
  format_version: "1.2",
  terraform_version: "1.11.5",
  planned_values: { root_module: { resources } },
  resource_changes: [],
  configuration: { root_module: {} },
  ...extra,
});
const modelOf = (doc: unknown, options = {}) =>
  buildModel(parseDocument("plan.json", Buffer.from(JSON.stringify(doc)), options));

describe("resources that only planned_values lists", () => {
  it("are judged from their planned values, and the report says so", () => {
    const model = modelOf(trimmed([bucket("aws_s3_bucket.a", { bucket: "a", acl: "public-read" })]));
    expect(model.resources.map((r) => [r.address, r.willExist])).toEqual([["aws_s3_bucket.a", true]]);
    expect(attr(model.resources[0]!, ["acl"])).toBe("public-read");
    expect(model.warnings.join("\n")).toMatch(
      /1 resource\(s\) in planned_values have no resource_changes entry \(aws_s3_bucket\.a\)/,
    );
  });

  it("count only where resource_changes leaves them out, in modules too", () => {
    const doc = trimmed([bucket("aws_s3_bucket.listed", { bucket: "l" })]);
    (doc.planned_values.root_module as Record<string, unknown>)["child_modules"] = [
      { address: "module.m", resources: [bucket("module.m.aws_s3_bucket.inner", { bucket: "i" })] },
    ];
    doc.resource_changes = [
      {
        address: "aws_s3_bucket.listed",
        mode: "managed",
        type: "aws_s3_bucket",
        name: "listed",
        change: { actions: ["create"], before: null, after: { bucket: "l" }, after_unknown: {} },
      },
    ] as never[];
    const model = modelOf(doc);
    expect(model.resources.map((r) => `${r.address} ${r.actions.join(",")}`)).toEqual([
      "aws_s3_bucket.listed create",
      "module.m.aws_s3_bucket.inner ",
    ]);
    expect(model.resources[1]!.moduleAddress).toBe("module.m");
    expect(model.warnings.filter((w) => w.includes("planned_values"))).toHaveLength(1);
  });

  it("are read from a plan large enough to be loaded without planned_values", () => {
    const doc = trimmed([bucket("aws_s3_bucket.big", { bucket: "big", padding: "x".repeat(PARTIAL_PARSE_MIN_BYTES) })]);
    const model = modelOf(doc, { skipMembers: ["planned_values", "prior_state"] });
    expect(model.resources.map((r) => r.address)).toEqual(["aws_s3_bucket.big"]);
  });

  it("leave a plan Terraform wrote as it was: every planned resource is in resource_changes", async () => {
    for (const rel of [
      "checkov/iam-inline-policies.json",
      "terraform-json/deep_module/plan.json",
      "opentofu-show-json/modules/output.json",
    ]) {
      const model = buildModel(await loadDocument(path.join(fixturePath("real-plans"), rel)));
      expect(
        model.warnings.filter((w) => w.includes("planned_values")),
        rel,
      ).toEqual([]);
      expect(
        model.resources.every((r) => r.actions.length > 0),
        rel,
      ).toBe(true);
    }
  });

  it("warn when a plan streamed without planned_values lists no resource change", async () => {
    const file = fixturePath("real-plans", "trivy", "plan_missing_changes.json");
    const model = buildModel(await loadDocument(file, { streamAboveBytes: 0, skipMembers: ["planned_values"] }));
    expect(model.resources).toEqual([]);
    expect(model.warnings.join("\n")).toMatch(/planned_values was not read/);
  });
});

describe("a create or update whose after is null", () => {
  const created = (after: unknown) => ({
    address: "aws_s3_bucket.c",
    mode: "managed",
    type: "aws_s3_bucket",
    name: "c",
    change: { actions: ["create"], before: null, after, after_unknown: { arn: true } },
  });

  it("takes the planned values, with a warning, instead of reading it as not existing", () => {
    const model = modelOf({
      ...trimmed([bucket("aws_s3_bucket.c", { bucket: "c", acl: "public-read" })]),
      resource_changes: [created(null)],
    });
    const [r] = model.resources;
    expect(r!.willExist).toBe(true);
    expect(attr(r!, ["acl"])).toBe("public-read");
    expect(model.warnings.join("\n")).toMatch(
      /1 created or updated resource\(s\) have no `after` in resource_changes \(aws_s3_bucket\.c\); judged from their planned values/,
    );
  });

  it("says so when there are no planned values to take, and leaves a real after alone", () => {
    const bare = modelOf({ ...trimmed([]), resource_changes: [created(null)] });
    expect(bare.resources[0]!.willExist).toBe(false);
    expect(bare.warnings.join("\n")).toMatch(/no planned values \(aws_s3_bucket\.c\): not judged/);
    const real = modelOf({
      ...trimmed([bucket("aws_s3_bucket.c", { bucket: "planned" })]),
      resource_changes: [created({ bucket: "after" })],
    });
    expect(attr(real.resources[0]!, ["bucket"])).toBe("after");
    expect(real.warnings).toEqual([]);
  });
});
