import { regionAllowed } from "../../governance/environments.js";
import { isUnknown } from "../../plan/model.js";
import { fail, modelRule, resourceRule, unknown, type Outcome } from "../../policy/rule.js";
import { currentEnvironment, foreignOwner, foreignProviders, outsideUnknowns, stringLeaves, unknownFromOutside } from "./common.js";

/** Azure environment separation: subscriptions are the boundary, found in provider configurations and resource ids. */

const SUBSCRIPTION_ID = /\/subscriptions\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/g;

export const azureProviderOtherSubscription = modelRule({
  id: "PG-AZURE-GOV-001",
  title: "azurerm provider configured for another environment's subscription",
  description: "A provider configuration whose `subscription_id` belongs to another environment makes every resource that uses it land in that environment.",
  severity: "critical",
  category: "governance",
  providers: ["azurerm"],
  remediation: "Set the provider's `subscription_id` to this environment's subscription.",
  check(ctx) {
    return foreignProviders(ctx, "azure_subscription", "subscription");
  },
});

export const azureForeignResourceId = resourceRule({
  id: "PG-AZURE-GOV-002",
  title: "Resource refers to another environment's subscription",
  description:
    "A resource id under another environment's subscription (a role assignment scope, a peered virtual network, a key vault key, a log workspace) connects this environment to that one or grants across the boundary.",
  severity: "high",
  category: "governance",
  providers: ["azurerm"],
  resourceTypes: [],
  resourceTypePattern: /^azurerm_/,
  remediation: "Refer to this environment's own resources; cross-subscription access belongs to a reviewed shared-services subscription.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      const subs = new Set([...leaf.value.matchAll(SUBSCRIPTION_ID)].map((m) => m[1]!));
      const found = [...subs].map((s) => ({ s, owner: foreignOwner(ctx.config, env, "azure_subscription", s) })).filter((x) => x.owner !== undefined);
      if (found.length > 0) out.push(fail(`${r.address} refers to subscription ${found.map((f) => `${f.s} (${f.owner})`).join(", ")}.`, leaf.path));
    }
    // location is judged by PG-AZURE-GOV-003.
    out.push(...outsideUnknowns(ctx.model, r, (p) => p !== "location", "The value"));
    return out;
  },
});

export const azureLocationOutsideEnvironment = resourceRule({
  id: "PG-AZURE-GOV-003",
  title: "Azure location outside the environment's regions",
  description: "A resource's `location` outside the regions the environment declares (names compared without case or spaces: `West Europe` is `westeurope`).",
  severity: "medium",
  category: "governance",
  providers: ["azurerm"],
  resourceTypes: [],
  resourceTypePattern: /^azurerm_/,
  remediation: "Use one of the environment's regions, or add the location to `environments.<name>.regions` after review.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    const regions = env?.declaration.regions;
    if (!env || !regions || !r.after) return;
    // A location taken from a resource group this plan creates is judged on that resource group.
    if (isUnknown(r, "location")) return unknownFromOutside(ctx.model, r, "location") ? unknown("The resource's location is known only after apply.", "location") : undefined;
    const v = r.after["location"];
    if (typeof v === "string" && v !== "" && !regionAllowed(env.declaration, v)) return fail(`${r.address} is placed in ${v}, outside ${env.name}'s regions (${regions.join(", ")}).`, "location");
  },
});

export const azureEnvironmentRules = [azureProviderOtherSubscription, azureForeignResourceId, azureLocationOutsideEnvironment];
