import { accountOfArn } from "../../../governance/environments.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { readAttribute } from "../../read.js";
import { currentEnvironment, environmentKnown, foreignOwner, unknownFromOutside } from "../common.js";
import { SHARING } from "../environment-aws.js";

export const awsForeignSharing = resourceRule({
  id: "PG-AWS-GOV-005",
  title: "Network peering or resource share with another environment",
  description:
    "A VPC peering connection or a RAM share with another environment's account opens a path between environments that the environment boundary is meant to close.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: Object.keys(SHARING),
  remediation:
    "Remove the peering or share, or route the traffic through an approved, separately reviewed shared-services account.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const attribute = SHARING[r.type]!;
    const v = readAttribute(ctx.model, r, attribute);
    if (v.state === "unknown")
      return unknownFromOutside(ctx.model, r, attribute)
        ? unknown(`The account of ${attribute} is known only after apply.`, attribute)
        : undefined;
    if (v.state !== "known" || typeof v.value !== "string") return;
    const account = /^\d{12}$/.test(v.value) ? v.value : accountOfArn(v.value);
    if (!account) return;
    const owner = foreignOwner(ctx.config, env, "aws_account", account);
    if (owner) return fail(`${r.address} connects this ${env.name} plan to account ${account} (${owner}).`, attribute);
  },
});
