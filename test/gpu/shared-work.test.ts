import { describe, expect, it } from "vitest";
import type { PlanguardConfig } from "../../src/config/config.js";
import { evaluateTypeScriptRules } from "../../src/policy/evaluate.js";
import { RuleSelection } from "../../src/policy/select.js";
import { gpuEnvironmentQuota } from "../../src/rules/gpu/any/environment-quota.js";
import { gpuTeamQuota } from "../../src/rules/gpu/any/team-quota.js";
import { modelOf } from "./plan.js";

/**
 * The GPU rules share work per model (demand, labels, the quota members):
 * none of it may depend on the config, so one model judged under two
 * configs must give each config's own answer.
 */
describe("work shared between GPU rules and runs", () => {
  const model = modelOf([
    {
      address: "aws_instance.a",
      after: { instance_type: "p4d.24xlarge", tags: { team: "Vision", owner: "nlp", environment: "dev" } },
    },
    {
      address: "aws_instance.b",
      after: { instance_type: "g5.xlarge", tags: { team: "vision", owner: "vision", stage: "dev" } },
    },
    { address: "aws_instance.cpu", after: { instance_type: "m5.large", tags: { team: "vision" } } },
  ]);
  const run = (config: PlanguardConfig) =>
    evaluateTypeScriptRules(model, [gpuTeamQuota, gpuEnvironmentQuota], config, new RuleSelection(config))
      .findings.map((f) => `${f.ruleId} ${f.message}`)
      .sort();

  it("matches team names case-insensitively and reads the tag the config names, on the same model", () => {
    expect(run({ gpu: { teams: { vision: { max_total: 8 } } } })).toEqual([
      "PG-GPU-005 Team vision adds up to 9 GPUs, over its quota of 8; the largest is aws_instance.a with 8.",
    ]);
    expect(run({ gpu: { team_tag: "owner", teams: { vision: { max_total: 8 }, nlp: { max_total: 7 } } } })).toEqual([
      "PG-GPU-005 Team nlp adds up to 8 GPUs, over its quota of 7; the largest is aws_instance.a with 8.",
    ]);
    expect(run({ gpu: { environment_tag: "stage", environments: { dev: { max_total: 0 } } } })).toEqual([
      "PG-GPU-006 Environment dev adds up to 1 GPUs, over its quota of 0; the largest is aws_instance.b with 1.",
    ]);
    expect(run({ gpu: { environments: { DEV: { max_total: 7 } } } })).toEqual([
      "PG-GPU-006 Environment DEV adds up to 8 GPUs, over its quota of 7; the largest is aws_instance.a with 8.",
    ]);
    expect(run({ gpu: { teams: { vision: {} } } })).toEqual([]);
  });
});
