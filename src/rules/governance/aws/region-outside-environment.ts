import { expressionValue, providerConfigs } from "../../../governance/configuration.js";
import { regionAllowed } from "../../../governance/environments.js";
import { isUnknown } from "../../../plan/model.js";
import { isJudged } from "../../../policy/evaluate.js";
import { fail, modelRule, unknown, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment } from "../common.js";

export const awsRegionOutsideEnvironment = modelRule({
  id: "PG-AWS-GOV-007",
  title: "AWS region outside the environment's regions",
  description:
    "An environment declares the regions it may use (data residency, quotas, disaster-recovery plans). A provider configuration, or a resource's own `region` argument, in another region puts infrastructure where the environment's controls do not reach.",
  severity: "medium",
  category: "governance",
  providers: ["aws"],
  remediation: "Use one of the environment's regions, or add the region to `environments.<name>.regions` after review.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    if (!env?.declaration.regions) return;
    const out: Outcome[] = [];
    for (const p of providerConfigs(ctx.model)) {
      if (p.name !== "aws") continue;
      const region = expressionValue(ctx.model, p.expressions["region"], p.moduleAddress);
      const attribute = `provider["${p.key}"].region`;
      if (region.state === "unknown")
        out.push(unknown(`The region of provider "${p.key}" is known only after apply.`, attribute));
      else if (
        region.state === "known" &&
        typeof region.value === "string" &&
        !regionAllowed(env.declaration, region.value)
      ) {
        out.push(
          fail(
            `Provider "${p.key}" uses region ${region.value}, outside ${env.name}'s regions (${env.declaration.regions.join(", ")}).`,
            attribute,
          ),
        );
      }
    }
    for (const r of ctx.model.resources) {
      if (!isJudged(r, ctx.config) || r.provider !== "aws" || !r.after) continue;
      const region = r.after["region"];
      if (isUnknown(r, "region")) continue; // the provider's region, judged with the provider blocks
      if (typeof region === "string" && region !== "" && !regionAllowed(env.declaration, region)) {
        out.push({
          ...fail(
            `${r.address} is placed in region ${region}, outside ${env.name}'s regions (${env.declaration.regions.join(", ")}).`,
            "region",
          ),
          resource: r,
        });
      }
    }
    return out;
  },
});
