import { describe, expect, it } from "vitest";
import { generatePlanString } from "../../bench/generate.js";
import { parseDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";

/**
 * The benchmark's synthetic plans: they must be plans planguard reads like a
 * real `terraform show -json`, reproducible from their seed, with the mix of
 * shapes the benchmark is meant to exercise.
 */

type Obj = Record<string, unknown>;
const RESOURCES = 200;
const text = generatePlanString({ resources: RESOURCES, seed: 7 });
const plan = JSON.parse(text) as Obj;
const changes = plan["resource_changes"] as Obj[];
const changeOf = (rc: Obj) => rc["change"] as Obj;

function* walkModules(mod: Obj | undefined): Generator<Obj> {
  if (!mod) return;
  yield mod;
  for (const child of (mod["child_modules"] as Obj[] | undefined) ?? []) yield* walkModules(child);
}

function* walkConfig(mod: Obj | undefined): Generator<Obj> {
  if (!mod) return;
  yield mod;
  for (const call of Object.values((mod["module_calls"] as Record<string, Obj> | undefined) ?? {}))
    yield* walkConfig(call["module"] as Obj);
}

describe("bench/generate.js", () => {
  it("writes a plan planguard's loader accepts, with every resource in the model", () => {
    const loaded = parseDocument("plan-200.json", Buffer.from(text));
    expect([loaded.kind, loaded.format, loaded.formatVersion]).toEqual(["plan", "plan", "1.2"]);
    expect(loaded.warnings).toEqual([]);
    const model = buildModel(loaded);
    expect(model.resources).toHaveLength(RESOURCES);
    expect(new Set(model.resources.map((r) => r.address)).size).toBe(RESOURCES);
    expect(model.graph.size).toBeGreaterThan(0);
  });

  it("is the same bytes for the same seed, and different for another", () => {
    expect(generatePlanString({ resources: RESOURCES, seed: 7 })).toBe(text);
    expect(generatePlanString({ resources: RESOURCES, seed: 8 })).not.toBe(text);
  });

  it("has Terraform's sections, with resource_changes sorted by address", () => {
    expect(Object.keys(plan)).toEqual([
      "format_version",
      "terraform_version",
      "variables",
      "planned_values",
      "resource_changes",
      "output_changes",
      "prior_state",
      "configuration",
      "timestamp",
      "applyable",
      "complete",
      "errored",
    ]);
    const addresses = changes.map((rc) => rc["address"] as string);
    expect(addresses).toEqual([...addresses].sort());
  });

  it("nests modules, with count and for_each instances", () => {
    expect(changes.some((rc) => /^module\.team_\w+\.module\.pool\["[\w-]+"\]\./.test(rc["address"] as string))).toBe(
      true,
    );
    expect(changes.some((rc) => typeof rc["index"] === "number")).toBe(true);
    expect(changes.some((rc) => typeof rc["index"] === "string")).toBe(true);
    for (const rc of changes) {
      const address = rc["address"] as string;
      if (address.startsWith("module.")) expect(address.startsWith(`${rc["module_address"] as string}.`)).toBe(true);
      else expect(rc["module_address"]).toBeUndefined();
    }
    const planned = [...walkModules((plan["planned_values"] as Obj)["root_module"] as Obj)];
    expect(planned.some((m) => String(m["address"] ?? "").includes(".module.pool["))).toBe(true);
  });

  it("mixes actions, mostly compliant resources of the rules' types", () => {
    const actions = new Set(changes.map((rc) => (changeOf(rc)["actions"] as string[]).join(",")));
    for (const a of ["create", "update", "no-op", "delete"]) expect(actions).toContain(a);
    const types = new Set(changes.map((rc) => rc["type"]));
    for (const t of [
      "aws_ebs_volume",
      "aws_s3_bucket",
      "aws_iam_policy",
      "aws_security_group",
      "aws_instance",
      "aws_sagemaker_notebook_instance",
      "google_project_iam_member",
      "google_compute_firewall",
    ]) {
      expect(types).toContain(t);
    }
    const updates = changes.filter((rc) => (changeOf(rc)["actions"] as string[]).includes("update"));
    expect(
      updates.every(
        (rc) =>
          changeOf(rc)["before"] !== null &&
          JSON.stringify(changeOf(rc)["before"]) !== JSON.stringify(changeOf(rc)["after"]),
      ),
    ).toBe(true);
    const volumes = changes.filter((rc) => rc["type"] === "aws_ebs_volume" && changeOf(rc)["after"]);
    const encrypted = volumes.filter((rc) => (changeOf(rc)["after"] as Obj)["encrypted"] === true);
    expect(encrypted.length / volumes.length).toBeGreaterThan(0.8);
  });

  it("marks values known only after apply, and sensitive values", () => {
    const created = changes.filter((rc) => (changeOf(rc)["actions"] as string[]).join() === "create");
    expect(created.length).toBeGreaterThan(0);
    for (const rc of created) {
      const unknown = changeOf(rc)["after_unknown"] as Obj;
      const after = changeOf(rc)["after"] as Obj;
      for (const [k, v] of Object.entries(unknown)) if (v === true) expect(after).not.toHaveProperty(k);
    }
    expect(created.some((rc) => (changeOf(rc)["after_unknown"] as Obj)["id"] === true)).toBe(true);
    const sensitive = changes.filter((rc) => JSON.stringify(changeOf(rc)["after_sensitive"]).includes("true"));
    expect(sensitive.length).toBeGreaterThan(0);
    // planguard redacts them on load.
    const model = buildModel(parseDocument("p", Buffer.from(text)));
    const db = model.resources.find((r) => r.type === "aws_db_instance" && r.after);
    if (db) expect(db.after!["password"]).toBe("(sensitive value)");
    expect(text).toMatch(/"password":"pw-[0-9a-f]+"/);
  });

  it("has a configuration with module calls and references, some to keys in the same plan", () => {
    const config = plan["configuration"] as Obj;
    const modules = [...walkConfig(config["root_module"] as Obj)];
    expect(
      modules.some(
        (m) => m["module_calls"] && Object.keys(m["module_calls"] as Obj).some((k) => k.startsWith("team_")),
      ),
    ).toBe(true);
    const blocks = modules.flatMap((m) => (m["resources"] as Obj[] | undefined) ?? []);
    expect(blocks.some((b) => b["count_expression"])).toBe(true);
    expect(blocks.some((b) => b["for_each_expression"])).toBe(true);
    expect(JSON.stringify(config)).toContain('"references":["aws_kms_key.team.arn","aws_kms_key.team"]');
    const model = buildModel(parseDocument("p", Buffer.from(text)));
    const toKeys = model.resources
      .flatMap((r) => model.graph.referencesFrom(r.configAddress))
      .filter((ref) => ref.to.endsWith("aws_kms_key.team"));
    expect(toKeys.length).toBeGreaterThan(0);
  });

  it("has prior_state for what exists before the plan, and nothing else", () => {
    const prior = plan["prior_state"] as Obj;
    const inPrior = new Set(
      [...walkModules((prior["values"] as Obj)["root_module"] as Obj)].flatMap((m) =>
        ((m["resources"] as Obj[] | undefined) ?? []).map((r) => r["address"] as string),
      ),
    );
    for (const rc of changes) {
      const existed = changeOf(rc)["before"] !== null;
      expect(inPrior.has(rc["address"] as string)).toBe(existed);
    }
  });
});
