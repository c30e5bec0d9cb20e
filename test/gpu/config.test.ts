import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";

describe("the gpu section of the config", () => {
  it("accepts every GPU key", () => {
    const config = parseConfig(
      "x.yaml",
      [
        "gpu:",
        "  max_total: 4",
        "  count_kinds: [nvidia-gpu, tpu]",
        "  count_kubernetes_workloads: true",
        "  team_tag: owner",
        "  teams: {research: {max_total: 16}}",
        "  environment: prod",
        "  environment_tag: env",
        "  environments: {dev: {max_total: 8, require_spot: true}, prod: {max_total: 64}}",
        "  allowed_families: [p4d, g5, a2]",
        "  forbid_unbounded_autoscaling: true",
        "  max_autoscaling_nodes: 10",
        "  require_spot: false",
        "  forbid_deprecated_models: true",
        "  deprecated_models: [K80]",
      ].join("\n"),
    );
    expect(config.gpu?.teams?.["research"]?.max_total).toBe(16);
    expect(config.gpu?.environments?.["dev"]?.require_spot).toBe(true);
    expect(config.gpu?.count_kinds).toEqual(["nvidia-gpu", "tpu"]);
  });

  it("rejects an unknown kind and an unknown key inside a team", () => {
    expect(() => parseConfig("x.yaml", "gpu:\n  count_kinds: [nvidia]\n")).toThrow(/count_kinds/);
    expect(() => parseConfig("x.yaml", "gpu:\n  teams: {a: {max: 1}}\n")).toThrow(/gpu\.teams\.a\.max/);
  });
});
