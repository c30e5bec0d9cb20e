import { describe, expect, it } from "vitest";
import { evaluateTypeScriptRules } from "../../src/policy/evaluate.js";
import { fail, resourceRule, type RuleContext } from "../../src/policy/rule.js";
import { RuleSelection } from "../../src/policy/select.js";
import { taggedForOtherEnvironment } from "../../src/rules/governance/any/tagged-for-other-environment.js";
import { inlineModel } from "../rules/inline-plan.js";

const model = inlineModel([
  { address: "aws_ebs_volume.a", values: { size: 1 } },
  { address: "aws_ebs_volume.b", values: { size: 2 } },
]);

/** A rule on EBS volumes that fails every one, counting its checks; runsWhen as given. */
function countingRule(id: string, runsWhen?: (ctx: RuleContext) => boolean) {
  const seen: string[] = [];
  const rule = resourceRule({
    id,
    title: "t",
    description: "d",
    severity: "high",
    category: "encryption",
    remediation: "r",
    resourceTypes: ["aws_ebs_volume"],
    ...(runsWhen ? { runsWhen } : {}),
    check(r) {
      seen.push(r.address);
      return fail(`${r.address} fails`);
    },
  });
  return { rule, seen };
}

describe("evaluateTypeScriptRules and a rule's runsWhen", () => {
  it("checks no resource for a rule whose runsWhen says no, and every one for a rule whose says yes or that has none", () => {
    const asked: RuleContext[] = [];
    const off = countingRule("T-OFF", (ctx) => {
      asked.push(ctx);
      return false;
    });
    const on = countingRule("T-ON", () => true);
    const plain = countingRule("T-PLAIN");
    const config = {};
    const result = evaluateTypeScriptRules(model, [off.rule, on.rule, plain.rule], config, new RuleSelection(config));
    expect(off.seen).toEqual([]);
    // Asked once for the model, not once per resource.
    expect(asked).toHaveLength(1);
    expect(asked[0]!.model).toBe(model);
    expect(on.seen).toEqual(["aws_ebs_volume.a", "aws_ebs_volume.b"]);
    expect(plain.seen).toEqual(["aws_ebs_volume.a", "aws_ebs_volume.b"]);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(["T-ON", "T-ON", "T-PLAIN", "T-PLAIN"]);
  });

  it("lets an environment rule run only when the config declares environments, as its check decides alone", () => {
    const tagged = inlineModel([{ address: "aws_s3_bucket.b", values: { tags: { env: "prod" } } }]);
    const none = {};
    expect(taggedForOtherEnvironment.runsWhen!({ model: tagged, config: none })).toBe(false);
    expect(taggedForOtherEnvironment.check(tagged.resources[0]!, { model: tagged, config: none })).toBeUndefined();
    const declared = {
      environment: "dev",
      environments: { dev: { tags: { env: "dev" } }, prod: { tags: { env: "prod" } } },
    };
    expect(taggedForOtherEnvironment.runsWhen!({ model: tagged, config: declared })).toBe(true);
    const found = evaluateTypeScriptRules(tagged, [taggedForOtherEnvironment], declared, new RuleSelection(declared));
    expect(found.findings.map((f) => [f.ruleId, f.resource?.address])).toEqual([["PG-GOV-001", "aws_s3_bucket.b"]]);
  });
});
