import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ownerLabels } from "../../src/gpu/demand.js";
import { runCli } from "../helpers/cli.js";

/**
 * Keys and values that name JavaScript's own object machinery. The pull
 * request controls every key of the plan, the config and the data documents;
 * each of these must be an ordinary word everywhere: no crash, no write onto
 * Object.prototype, no changed verdict for the resources that do not use it.
 */
const HOSTILE = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

const dir = mkdtempSync(path.join(tmpdir(), "planguard-hostile-keys-"));
const examplePlan = JSON.parse(readFileSync("examples/ml-platform/plan.json", "utf8")) as Plan;

type Obj = Record<string, unknown>;
interface Plan extends Obj {
  resource_changes: { address: string; type: string; name: string; change: { after: Obj | null } }[];
}

/** Object.prototype's own keys before any scan: a scan that adds one has polluted every object. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
});

let counter = 0;
function write(name: string, text: string): string {
  const file = path.join(dir, `${counter++}-${name}`);
  writeFileSync(file, text);
  return file;
}

/** JSON text with "__proto__" as an ordinary member (JSON.stringify of a literal would lose it). */
function planText(plan: Plan): string {
  return JSON.stringify(plan);
}

function clonePlan(): Plan {
  return JSON.parse(JSON.stringify(examplePlan)) as Plan;
}

/** Sets obj[key] = value as an own member, also for "__proto__". */
function own(obj: Obj, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

async function scan(args: string[]): Promise<{
  code: number;
  findings: { ruleId: string; resource?: { address: string }; suppression?: unknown; undecided?: boolean }[];
  stderr: string;
}> {
  // Every report is rendered: the text and Markdown summaries format what the JSON only lists.
  const others = ["text", "markdown", "sarif", "github"].flatMap((f) => [
    "-o",
    `${f}=${path.join(dir, `${counter++}.${f}`)}`,
  ]);
  const run = await runCli(["scan", ...args, "-f", "json", ...others]);
  const findings = run.stdout ? JSON.parse(run.stdout).findings : [];
  return { code: run.code, findings, stderr: run.stderr };
}

const verdict = (
  findings: { ruleId: string; resource?: { address: string }; suppression?: unknown; undecided?: boolean }[],
  skip?: string,
) =>
  findings
    .filter((f) => f.resource?.address !== skip)
    .map(
      (f) =>
        `${f.ruleId} ${f.resource?.address ?? ""} ${f.suppression ? "suppressed" : ""}${f.undecided ? "undecided" : ""}`,
    )
    .sort();

const baselinePlan = write("plan.json", planText(examplePlan));
const gpuConfig = write("gpu.yaml", readFileSync("fixtures/rules/gpu.planguard.yaml", "utf8"));

describe("keys named after JavaScript's object machinery", () => {
  it("the example plan has findings to lose (so the comparisons below can fail)", async () => {
    const base = await scan([baselinePlan, "--config", gpuConfig]);
    expect(base.code).toBe(1);
    expect(base.findings.filter((f) => !f.suppression && !f.undecided).length).toBeGreaterThan(3);
  });

  it.each(HOSTILE)("--data documents with a %s key change no finding (JSON and YAML)", async (word) => {
    const base = await scan([baselinePlan]);
    const json = write("data.json", `{"${word}": {"suppression": "x", "undecided": true}}`);
    const yaml = write("data.yaml", `${word}:\n  suppression: x\n  undecided: true\n`);
    for (const data of [json, yaml]) {
      const run = await scan([baselinePlan, "--data", data]);
      expect(run.code).toBe(base.code);
      expect(verdict(run.findings)).toEqual(verdict(base.findings));
    }
  });

  it.each(HOSTILE)("a resource of type %s is an ordinary unknown type", async (word) => {
    const plan = clonePlan();
    plan.resource_changes.push({
      ...structuredClone(plan.resource_changes[0]!),
      address: `${word}.x`,
      type: word,
      name: "x",
    });
    const base = await scan([baselinePlan, "--config", gpuConfig]);
    const run = await scan([write("plan.json", planText(plan)), "--config", gpuConfig]);
    expect(run.stderr).toBe("");
    expect(verdict(run.findings, `${word}.x`)).toEqual(verdict(base.findings));
  });

  it.each(HOSTILE)("tag and label keys and values %s are ordinary words", async (word) => {
    const plan = clonePlan();
    for (const rc of plan.resource_changes) {
      const after = rc.change.after;
      if (!after) continue;
      const present = ["tags", "tags_all", "labels"].filter((key) => after[key] !== undefined);
      for (const key of present.length > 0 ? present : ["tags"]) {
        const tags: Obj = {};
        for (const [k, v] of Object.entries((after[key] as Obj | null) ?? {})) own(tags, k, v);
        // The team and environment tags name quotas (gpu.teams, gpu.environments) and summary rows.
        for (const k of [word, "team", "environment"]) own(tags, k, word);
        after[key] = tags;
      }
    }
    const run = await scan([write("plan.json", planText(plan)), "--config", gpuConfig]);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
  });

  it.each(HOSTILE)(
    "config keys %s (teams, environments, severities, drift ignores) are ordinary keys",
    async (word) => {
      const config = write(
        "config.yaml",
        [
          "rules:",
          "  severity:",
          `    ${word}: low`,
          "gpu:",
          "  max_total: 1",
          `  team_tag: ${word}`,
          `  environment_tag: ${word}`,
          "  teams:",
          `    ${word}: {max_total: 1}`,
          "  environments:",
          `    ${word}: {max_total: 1}`,
          "drift:",
          "  ignore:",
          `    ${word}: [a]`,
          "",
        ].join("\n"),
      );
      const run = await scan([baselinePlan, "--config", config]);
      // The one thing said about the word: it names no rule (rules.severity), a warning with its line.
      const lines = run.stderr.split("\n").filter((l) => l !== "");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^planguard: warning: \S+config\.yaml:3: rules\.severity ".+" is no rule id or alias planguard knows; it changes no severity$/,
      );
      expect(run.code).toBe(1);
    },
  );

  it.each(HOSTILE)("a config key %s where the schema has fixed keys is an unknown key, not a setting", async (word) => {
    for (const [text, key] of [
      [`${word}:\n  include_data_sources: true\n`, word],
      [
        `waivers:\n  - rule: PG-AWS-EBS-001\n    reason: r\n    ${word}: {expires: "2000-01-01"}\n`,
        `waivers.0.${word}`,
      ],
    ] as const) {
      const config = write("config.yaml", text);
      const run = await scan([baselinePlan, "--config", config]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^planguard: \S+config\.yaml:\d+: unknown key "(.+)" \(see src\/config\/config\.schema\.json for the keys planguard reads\)\n$/,
      );
      expect(/unknown key "(.+)"/.exec(run.stderr)![1]).toBe(key);
    }
  });

  it.each(HOSTILE)("attribute and plan keys %s are ordinary members", async (word) => {
    const plan = clonePlan();
    for (const rc of plan.resource_changes) {
      if (rc.change.after) own(rc.change.after, word, { [word]: word });
      own(rc.change as unknown as Obj, word, word);
    }
    own(plan, word, word);
    const base = await scan([baselinePlan, "--config", gpuConfig]);
    const run = await scan([write("plan.json", planText(plan)), "--config", gpuConfig]);
    expect(run.stderr).toBe("");
    expect(verdict(run.findings)).toEqual(verdict(base.findings));
  });

  it.each(HOSTILE)("Rego objects and layouts with %s behave as with any other word", async (word) => {
    // The same policy with an ordinary word gives the reference answer.
    const policyFor = (w: string) =>
      write(
        "keys.rego",
        [
          "package main",
          "import rego.v1",
          "deny contains msg if {",
          `  o := json.unmarshal(\`{"${w}": {"a": 1}}\`)`,
          `  u := object.union(o, {"${w}": {"b": 2}})`,
          `  y := yaml.unmarshal("${w}: {c: 3}")`,
          `  msg := sprintf("%v %v %v %v %v", [u, object.get(u, ["${w}", "a"], "none"), y, object.keys(y), time.format([0, "UTC", "${w}"])])`,
          "}",
          "",
        ].join("\n"),
      );
    const message = async (w: string) => {
      const run = await scan([baselinePlan, "--no-bundled", "--policy", policyFor(w)]);
      expect(run.stderr).toBe("");
      return run.findings.map((f) => (f as unknown as { message: string }).message);
    };
    const reference = (await message("plainword")).map((m) => m.split("plainword").join(word));
    expect(reference).toHaveLength(1);
    expect(await message(word)).toEqual(reference);
  });

  it.each(HOSTILE)(
    "drift between states with a resource type, attribute and team tag %s reports the change",
    async (word) => {
      const state = (value: string) =>
        `{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[` +
        `{"address":"${word}.x","mode":"managed","type":"${word}","name":"x","provider_name":"p","values":{"${word}":"${value}"},"sensitive_values":{}},` +
        `{"address":"aws_instance.g","mode":"managed","type":"aws_instance","name":"g","provider_name":"registry.terraform.io/hashicorp/aws","values":{"instance_type":"p4d.24xlarge","tags":{"team":"${word}","${word}":"${value}"}},"sensitive_values":{}}]}}}`;
      const outputs = ["text", "markdown", "sarif", "github"].flatMap((f) => [
        "-o",
        `${f}=${path.join(dir, `${counter++}.${f}`)}`,
      ]);
      const run = await runCli([
        "drift",
        "--baseline-state",
        write("a.json", state("old")),
        "--current",
        write("b.json", state("new")),
        "--config",
        gpuConfig,
        "-f",
        "json",
        ...outputs,
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { resources: { address: string }[] };
      expect(report.resources.map((r) => r.address).sort()).toEqual(["aws_instance.g", `${word}.x`].sort());
    },
  );

  it.each(HOSTILE)("a tag named %s is read like any other tag, and an absent one is absent", (word) => {
    const values = JSON.parse(`{"tags": {"${word}": "ml"}}`) as Record<string, unknown>;
    expect(ownerLabels("aws_instance", values).labels[word]).toBe("ml");
    const asg = JSON.parse(`{"tag": [{"key": "${word}", "value": "ml", "propagate_at_launch": true}]}`) as Record<
      string,
      unknown
    >;
    expect(ownerLabels("aws_autoscaling_group", asg).labels[word]).toBe("ml");
    expect(ownerLabels("aws_instance", { tags: { team: "ml" } }).labels[word]).toBeUndefined();
  });

  it("a property: random documents built from these words, anywhere in a resource, its tags and --data, never crash or pollute", async () => {
    const word = fc.constantFrom(...HOSTILE, "team", "environment", "name", "tags", "0");
    const leaf = fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null));
    // JSON text built by hand, so that "__proto__" stays an ordinary member.
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf.map((v) => JSON.stringify(v)),
        tie("object"),
        tie("array"),
      ),
      object: fc
        .array(fc.tuple(word, tie("value")), { maxLength: 4 })
        .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
      array: fc.array(tie("value"), { maxLength: 3 }).map((items) => `[${items.join(",")}]`),
    })).object as fc.Arbitrary<string>;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: examplePlan.resource_changes.length - 1 }),
        json,
        json,
        json,
        async (index, attrs, tags, data) => {
          const plan = clonePlan();
          const rc = plan.resource_changes[index]!;
          const after: Obj = JSON.parse(`{"__x":0,"tags":${tags},"labels":${tags},"extra":${attrs}}`);
          for (const [k, v] of Object.entries(rc.change.after ?? {})) if (!Object.hasOwn(after, k)) own(after, k, v);
          rc.change.after = after;
          const run = await scan([
            write("plan.json", planText(plan)),
            "--config",
            gpuConfig,
            "--data",
            write("data.json", data),
          ]);
          expect(run.stderr).not.toMatch(/internal error/);
          expect([0, 1]).toContain(run.code);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
        },
      ),
      { numRuns: 12 },
    );
  });
});
