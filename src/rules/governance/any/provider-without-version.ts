import { providerConfigs } from "../../../governance/configuration.js";
import { fail, modelRule, type Outcome } from "../../../policy/rule.js";

export const providerWithoutVersion = modelRule({
  id: "PG-GOV-004",
  title: "Provider without a version constraint",
  description:
    "A provider without a version constraint resolves to the newest release whenever the lock file is missing or refreshed; a major release can change defaults (and resources) underneath an unchanged configuration.",
  severity: "medium",
  category: "governance",
  remediation:
    "Declare the provider in `required_providers` with a constraint such as `~> 5.70`, and commit `.terraform.lock.hcl`.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const p of providerConfigs(ctx.model)) {
      if (p.versionConstraint === undefined)
        out.push(
          fail(
            `Provider "${p.key}" (${p.fullName}) has no version constraint.`,
            `provider["${p.key}"].version_constraint`,
          ),
        );
    }
    return out;
  },
});
