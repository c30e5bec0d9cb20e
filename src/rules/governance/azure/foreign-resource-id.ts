import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment, environmentKnown, foreignOwner, outsideUnknowns, stringLeaves } from "../common.js";

const SUBSCRIPTION_ID =
  /\/subscriptions\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/g;

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
  remediation:
    "Refer to this environment's own resources; cross-subscription access belongs to a reviewed shared-services subscription.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      const subs = new Set([...leaf.value.matchAll(SUBSCRIPTION_ID)].map((m) => m[1]!));
      const found = [...subs]
        .map((s) => ({ s, owner: foreignOwner(ctx.config, env, "azure_subscription", s) }))
        .filter((x) => x.owner !== undefined);
      if (found.length > 0)
        out.push(
          fail(`${r.address} refers to subscription ${found.map((f) => `${f.s} (${f.owner})`).join(", ")}.`, leaf.path),
        );
    }
    // location is judged by PG-AZURE-GOV-003.
    out.push(...outsideUnknowns(ctx.model, r, (p) => p !== "location", "The value"));
    return out;
  },
});
