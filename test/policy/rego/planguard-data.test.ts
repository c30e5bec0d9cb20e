import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../../src/plan/model.js";
import { parseDocument } from "../../../src/plan/load.js";
import { PLANGUARD_BUILTINS } from "../../../src/policy/rego/planguard-builtins.js";
import { buildPlanguardData, unknownPaths } from "../../../src/policy/rego/planguard-data.js";
import { compileModules } from "../../../src/rego/index.js";
import { repoRoot } from "../../helpers/shared.js";

const mask = {
  arn: true,
  ingress: [{ cidr_blocks: [false, true] }, true],
  tags: { team: false, "kubernetes.io/role": true },
  root_block_device: [{}],
};

function planWith(afterUnknown: unknown): Buffer {
  const change = {
    address: "aws_security_group.sg",
    mode: "managed",
    type: "aws_security_group",
    name: "sg",
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: {
      actions: ["create"],
      before: null,
      after: { name: "sg", ingress: [{ cidr_blocks: ["10.0.0.0/8"] }], root_block_device: [{ encrypted: true }] },
      ...(afterUnknown === undefined ? {} : { after_unknown: afterUnknown }),
    },
  };
  return Buffer.from(JSON.stringify({ format_version: "1.2", terraform_version: "1.9.8", resource_changes: [change] }));
}

function dataFor(afterUnknown: unknown) {
  const model = buildModel(parseDocument("plan.json", planWith(afterUnknown)));
  return { model, data: buildPlanguardData(model, {}) };
}

describe("data.planguard", () => {
  it("shares the after_unknown mask of the model, and gives {} when there is none", () => {
    const { model, data } = dataFor(mask);
    expect(data.resources[0]!.after_unknown).toBe(model.resources[0]!.afterUnknown);
    expect(dataFor(undefined).data.resources[0]!.after_unknown).toEqual({});
  });

  it("lists unknown_paths (sorted, dotted) on first read, as an own enumerable member", () => {
    const r = dataFor(mask).data.resources[0]!;
    expect(Object.keys(r)).toContain("unknown_paths");
    const expected = ["arn", "ingress.0.cidr_blocks.1", "ingress.1", "tags.kubernetes.io/role"];
    expect(r.unknown_paths).toEqual(expected);
    expect(r.unknown_paths).toBe(r.unknown_paths);
    expect(JSON.parse(JSON.stringify(r)).unknown_paths).toEqual(expected);
    expect(unknownPaths(undefined)).toEqual([]);
    expect(dataFor(undefined).data.resources[0]!.unknown_paths).toEqual([]);
  });

  it("lib.is_unknown reads the mask as the unknown_paths form did", () => {
    const lib = readFileSync(path.join(repoRoot, "policies/lib/lib.rego"), "utf8");
    const probe = `package probe
import data.planguard.lib
unknown contains [i, p] if {
  some i, p in input.paths
  lib.is_unknown(data.planguard.resources[0], p)
}
unknown_by_list contains [i, p] if {
  some i, p in input.paths
  r := json.remove(data.planguard.resources[0], ["after_unknown"])
  lib.is_unknown(r, p)
}`;
    const compiled = compileModules(
      [
        { file: "lib.rego", text: lib },
        { file: "probe.rego", text: probe },
      ],
      { extraBuiltins: PLANGUARD_BUILTINS },
    );
    const paths = [
      ["arn"],
      ["arn", "x"],
      ["ar"],
      ["ingress"],
      ["ingress", 0],
      ["ingress", 0, "cidr_blocks"],
      ["ingress", 0, "cidr_blocks", 0],
      ["ingress", 0, "cidr_blocks", 1],
      ["ingress", 1],
      ["ingress", 1, "cidr_blocks"],
      ["ingress", 2],
      ["tags", "team"],
      ["tags", "kubernetes.io/role"],
      ["root_block_device", 0, "encrypted"],
      ["name"],
      [],
    ];
    const { model, data } = dataFor(mask);
    const opts = { input: { paths } as never, data: { planguard: data } as never };
    const viaMask = compiled.evaluate("data.probe.unknown", opts);
    const viaList = compiled.evaluate("data.probe.unknown_by_list", opts);
    const sorted = (v: unknown) =>
      JSON.stringify(
        [...(v as Set<unknown> & { values(): Iterable<unknown> }).values()].map((x) => JSON.stringify(x)).sort(),
      );
    expect(sorted(viaMask)).toBe(sorted(viaList));
    expect(sorted(viaMask)).toBe(
      sorted(
        new Set([
          [0, ["arn"]],
          [1, ["arn", "x"]],
          [7, ["ingress", 0, "cidr_blocks", 1]],
          [8, ["ingress", 1]],
          [9, ["ingress", 1, "cidr_blocks"]],
          [12, ["tags", "kubernetes.io/role"]],
        ]),
      ),
    );
    expect(model.resources).toHaveLength(1);
  });
});
