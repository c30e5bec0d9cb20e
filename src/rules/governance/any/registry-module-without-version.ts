import { moduleCalls } from "../../../governance/configuration.js";
import { fail, modelRule, type Outcome } from "../../../policy/rule.js";
import { hasUpperBound, isRegistrySource } from "../reproducibility.js";

export const registryModuleWithoutVersion = modelRule({
  id: "PG-GOV-006",
  title: "Registry module without a pinned version",
  description:
    "A module from a registry without `version`, or with a lower bound only, is fetched at its newest release on every `terraform init`: the same configuration builds different infrastructure over time.",
  severity: "medium",
  category: "governance",
  remediation: 'Set `version` on the module block, e.g. `version = "~> 5.1"` or an exact release.',
  check(ctx) {
    const out: Outcome[] = [];
    for (const call of moduleCalls(ctx.model)) {
      if (!isRegistrySource(call.source)) continue;
      const attribute = `${call.address}.version`;
      if (call.versionConstraint === undefined)
        out.push(fail(`${call.address} uses ${call.source} without a version.`, attribute));
      else if (!hasUpperBound(call.versionConstraint))
        out.push(
          fail(
            `${call.address} uses ${call.source} with "${call.versionConstraint}" only: any future major release matches.`,
            attribute,
          ),
        );
    }
    return out;
  },
});
