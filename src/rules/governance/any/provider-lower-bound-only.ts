import { providerConfigs } from "../../../governance/configuration.js";
import { fail, modelRule, type Outcome } from "../../../policy/rule.js";
import { hasUpperBound } from "../reproducibility.js";

export const providerLowerBoundOnly = modelRule({
  id: "PG-GOV-005",
  title: "Provider constrained by a lower bound only",
  description:
    "A constraint such as `>= 4.0` accepts every future major release, with the same risk as no constraint at all.",
  severity: "low",
  category: "governance",
  remediation: "Use a pessimistic constraint (`~> 5.70`) or add an upper bound (`>= 5.70, < 6.0`).",
  check(ctx) {
    const out: Outcome[] = [];
    for (const p of providerConfigs(ctx.model)) {
      if (p.versionConstraint !== undefined && !hasUpperBound(p.versionConstraint)) {
        out.push(
          fail(
            `Provider "${p.key}" is constrained by "${p.versionConstraint}" only: any future major release matches.`,
            `provider["${p.key}"].version_constraint`,
          ),
        );
      }
    }
    return out;
  },
});
