import { modelRule } from "../../../policy/rule.js";
import { foreignProviders } from "../common.js";

export const azureProviderOtherSubscription = modelRule({
  id: "PG-AZURE-GOV-001",
  title: "azurerm provider configured for another environment's subscription",
  description:
    "A provider configuration whose `subscription_id` belongs to another environment makes every resource that uses it land in that environment.",
  severity: "critical",
  category: "governance",
  providers: ["azurerm"],
  remediation: "Set the provider's `subscription_id` to this environment's subscription.",
  check(ctx) {
    return foreignProviders(ctx, "azure_subscription", "subscription");
  },
});
