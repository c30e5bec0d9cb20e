import { describe, expect, it } from "vitest";
import { parseAddress, configAddressOf } from "../../src/plan/address.js";
import { parseDocument } from "../../src/plan/load.js";
import { attr, buildModel, isUnknown, referrersOf } from "../../src/plan/model.js";
import { REDACTED } from "../../src/plan/redact.js";
import { loadDocument } from "../../src/plan/load.js";
import { sharedMissing, sharedPath } from "../helpers/shared.js";

const SECRET = "s3cr3t-marker";

function modelOf(doc: unknown) {
  return buildModel(parseDocument("plan.json", Buffer.from(JSON.stringify(doc))));
}

const change = (address: string, type: string, after: unknown, extra: Record<string, unknown> = {}) => ({
  address,
  mode: "managed",
  type,
  name: address.split(".").pop()!.replace(/\[.*$/, ""),
  provider_name: "registry.terraform.io/hashicorp/aws",
  change: {
    actions: ["create"],
    before: null,
    after,
    after_unknown: {},
    before_sensitive: false,
    after_sensitive: {},
    ...extra,
  },
});

describe("addresses", () => {
  it("keeps modules, instance keys and data sources apart", () => {
    expect(parseAddress('module.a["x.y[1]"].module.b.data.aws_iam_policy_document.p[0]')).toEqual({
      modules: [{ name: "a", key: "x.y[1]" }, { name: "b" }],
      mode: "data",
      type: "aws_iam_policy_document",
      name: "p",
      key: 0,
    });
    expect(configAddressOf('module.a["k"].aws_instance.gpu[3]')).toBe("module.a.aws_instance.gpu");
    expect(parseAddress("not an address")).toBeUndefined();
  });

  it("gives the configuration address of usual and unusual instance addresses alike", () => {
    // The usual shape (plain names, keys without escapes) is stripped directly; the rest goes through parseAddress.
    const cases: [string, string][] = [
      ['module.team["a-1"].module.pool["aws.a100"].aws_instance.gpu[12]', "module.team.module.pool.aws_instance.gpu"],
      ['module.a[0].data.aws_iam_policy_document.p["x[1]"]', "module.a.data.aws_iam_policy_document.p"],
      ['module.a["q\\"]"].aws_x.y[0]', "module.a.aws_x.y"],
      ["module.module.aws_x.y[0]", "module.module.aws_x.y"],
      // Not addresses parseAddress accepts: kept as they are.
      ["module[0].a.aws_x.y[1]", "module[0].a.aws_x.y[1]"],
      ["aws_x[0].y[1]", "aws_x[0].y[1]"],
      ["module.a.module.b[0]", "module.a.module.b[0]"],
      ["data.x[0]", "data.x[0]"],
      ["aws_x.y[01x]", "aws_x.y[01x]"],
    ];
    for (const [address, config] of cases) expect(configAddressOf(address), address).toBe(config);
  });
});

describe("the model", () => {
  it("does not judge resources that will not exist after apply", () => {
    const model = modelOf({
      format_version: "1.2",
      resource_changes: [
        change("aws_ebs_volume.gone", "aws_ebs_volume", null, { actions: ["delete"], before: { encrypted: false } }),
        change("aws_ebs_volume.kept", "aws_ebs_volume", { encrypted: true }),
        change("aws_ebs_volume.forgotten", "aws_ebs_volume", null, {
          actions: ["forget"],
          before: { encrypted: false },
        }),
      ],
    });
    expect(model.resources.filter((r) => r.willExist).map((r) => r.address)).toEqual(["aws_ebs_volume.kept"]);
  });

  it("reads the module of an address when the change does not name it", () => {
    // resource_changes entries without module_address (trimmed plans); the module comes from the address.
    const model = modelOf({
      format_version: "1.2",
      resource_changes: [
        change("aws_ebs_volume.root[0]", "aws_ebs_volume", {}),
        change('module.a["k.1"].module.b.aws_ebs_volume.v', "aws_ebs_volume", {}),
        change("module.m[2].data.aws_ebs_volume.d", "aws_ebs_volume", {}),
        change("module_x.v", "module_x", {}),
      ],
    });
    expect(model.resources.map((r) => r.moduleAddress)).toEqual(["", 'module.a["k.1"].module.b', "module.m[2]", ""]);
  });

  it("knows which paths are unknown until apply", () => {
    const model = modelOf({
      format_version: "1.2",
      resource_changes: [
        change(
          "aws_ebs_volume.v",
          "aws_ebs_volume",
          { size: 1 },
          { after_unknown: { kms_key_id: true, tags: { a: true } } },
        ),
      ],
    });
    const r = model.resources[0]!;
    expect(isUnknown(r, "kms_key_id")).toBe(true);
    expect(isUnknown(r, "tags.a")).toBe(true);
    expect(isUnknown(r, "size")).toBe(false);
  });

  it("redacts every sensitive value before anything reads it", () => {
    const model = modelOf({
      format_version: "1.2",
      variables: { db_password: { value: SECRET }, region: { value: "us-east-1" } },
      resource_changes: [
        change(
          "aws_db_instance.db",
          "aws_db_instance",
          { password: SECRET, nested: { list: ["ok", SECRET] } },
          {
            actions: ["update"],
            before: { password: SECRET },
            before_sensitive: { password: true },
            after_sensitive: { password: true, nested: { list: [false, true] } },
          },
        ),
      ],
      output_changes: {
        pw: {
          change: { actions: ["create"], before: null, after: SECRET, before_sensitive: false, after_sensitive: true },
        },
      },
      configuration: { root_module: { variables: { db_password: { sensitive: true }, region: {} } } },
    });
    expect(JSON.stringify(model.document)).not.toContain(SECRET);
    expect(attr(model.resources[0]!, "password")).toBe(REDACTED);
    expect((model.document["variables"] as Record<string, { value: unknown }>)["region"]!.value).toBe("us-east-1");
  });

  it("finds who refers to a resource through the configuration, inside modules", () => {
    const model = modelOf({
      format_version: "1.2",
      resource_changes: [
        change("module.lake.aws_s3_bucket.b", "aws_s3_bucket", { bucket: "x" }),
        change(
          "module.lake.aws_s3_bucket_server_side_encryption_configuration.sse",
          "aws_s3_bucket_server_side_encryption_configuration",
          { rule: [] },
        ),
        change("aws_s3_bucket.other", "aws_s3_bucket", { bucket: "y" }),
      ],
      configuration: {
        root_module: {
          module_calls: {
            lake: {
              source: "./lake",
              module: {
                resources: [
                  { address: "aws_s3_bucket.b", mode: "managed", type: "aws_s3_bucket", name: "b", expressions: {} },
                  {
                    address: "aws_s3_bucket_server_side_encryption_configuration.sse",
                    mode: "managed",
                    type: "aws_s3_bucket_server_side_encryption_configuration",
                    name: "sse",
                    expressions: { bucket: { references: ["aws_s3_bucket.b.id", "aws_s3_bucket.b"] } },
                  },
                ],
              },
            },
          },
        },
      },
    });
    const bucket = model.byAddress("module.lake.aws_s3_bucket.b")!;
    expect(
      referrersOf(model, bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket").map((r) => r.address),
    ).toEqual(["module.lake.aws_s3_bucket_server_side_encryption_configuration.sse"]);
    expect(referrersOf(model, model.byAddress("aws_s3_bucket.other")!)).toEqual([]);
  });

  it("follows module inputs and outputs to the resources behind them", () => {
    const model = modelOf({
      format_version: "1.2",
      resource_changes: [],
      configuration: {
        root_module: {
          resources: [{ address: "aws_kms_key.k", mode: "managed", type: "aws_kms_key", name: "k", expressions: {} }],
          module_calls: {
            vol: {
              source: "./vol",
              expressions: { key_arn: { references: ["aws_kms_key.k.arn", "aws_kms_key.k"] } },
              module: {
                resources: [
                  {
                    address: "aws_ebs_volume.v",
                    mode: "managed",
                    type: "aws_ebs_volume",
                    name: "v",
                    expressions: { kms_key_id: { references: ["var.key_arn"] } },
                  },
                ],
                outputs: { id: { expression: { references: ["aws_ebs_volume.v.id", "aws_ebs_volume.v"] } } },
              },
            },
          },
        },
      },
    });
    expect(model.graph.referencesFrom("module.vol.aws_ebs_volume.v", "kms_key_id").map((r) => r.to)).toEqual([
      "aws_kms_key.k",
    ]);
  });
});

describe.skipIf(sharedMissing("fixtures", "terraform-json", "deep_module"))("real plans", () => {
  it("keeps module instances apart in deep_module", async () => {
    const model = buildModel(await loadDocument(sharedPath("fixtures", "terraform-json", "deep_module", "plan.json")));
    const r = model.byAddress("module.foo.module.bar.null_resource.baz")!;
    expect(r.moduleAddress).toBe("module.foo.module.bar");
    expect(r.configAddress).toBe("module.foo.module.bar.null_resource.baz");
  });

  it("never shows the sensitive values of 110_sensitive_values", async () => {
    const file = sharedPath("fixtures", "terraform-json", "110_sensitive_values", "plan.json");
    const loaded = await loadDocument(file);
    const text = JSON.stringify(loaded.doc);
    expect(text).toContain(REDACTED);
  });
});
