import { regionAllowed } from "../../../governance/environments.js";
import { isUnknown } from "../../../plan/model.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { currentEnvironment, unknownFromOutside } from "../common.js";

export const azureLocationOutsideEnvironment = resourceRule({
  id: "PG-AZURE-GOV-003",
  title: "Azure location outside the environment's regions",
  description:
    "A resource's `location` outside the regions the environment declares (names compared without case or spaces: `West Europe` is `westeurope`).",
  severity: "medium",
  category: "governance",
  providers: ["azurerm"],
  resourceTypes: [],
  resourceTypePattern: /^azurerm_/,
  remediation:
    "Use one of the environment's regions, or add the location to `environments.<name>.regions` after review.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    const regions = env?.declaration.regions;
    if (!env || !regions || !r.after) return;
    // A location taken from a resource group this plan creates is judged on that resource group.
    if (isUnknown(r, "location"))
      return unknownFromOutside(ctx.model, r, "location")
        ? unknown("The resource's location is known only after apply.", "location")
        : undefined;
    const v = r.after["location"];
    if (typeof v === "string" && v !== "" && !regionAllowed(env.declaration, v))
      return fail(`${r.address} is placed in ${v}, outside ${env.name}'s regions (${regions.join(", ")}).`, "location");
  },
});
