import { environmentTaggedAs } from "../../../governance/environments.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { currentEnvironment, environmentKnown, tagsOf, unknownFromOutside } from "../common.js";

export const taggedForOtherEnvironment = resourceRule({
  id: "PG-GOV-001",
  title: "Resource tagged for another environment",
  description:
    "A resource whose tags or labels carry another environment's marker (`environments.<name>.tags`) in this environment's plan is either in the wrong configuration or mislabelled: cost, alerting and access rules keyed on the tag will treat it as the other environment's.",
  severity: "medium",
  category: "governance",
  resourceTypes: [],
  resourceTypePattern: /^(aws|google|azurerm)_/,
  remediation: "Fix the tag or label, or move the resource to the other environment's configuration.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const tags = tagsOf(r);
    if (!tags) {
      const from = ["tags", "labels"].find((a) => unknownFromOutside(ctx.model, r, a));
      return from ? unknown(`The ${from} of ${r.address} are known only after apply.`, from) : undefined;
    }
    const other = environmentTaggedAs(ctx.config, tags.labels, env.name);
    // A resource carrying both environments' markers in full is tagged for ours too; the other marker then decides nothing.
    if (!other || environmentTaggedAs(ctx.config, tags.labels) === env.name) return;
    return fail(`${r.address} is tagged for ${other} in this ${env.name} plan.`, tags.path);
  },
});
