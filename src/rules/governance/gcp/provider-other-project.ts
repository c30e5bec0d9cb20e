import { modelRule } from "../../../policy/rule.js";
import { foreignProviders } from "../common.js";

export const gcpProviderOtherProject = modelRule({
  id: "PG-GCP-GOV-001",
  title: "Google provider configured for another environment's project",
  description:
    "A provider configuration whose `project` belongs to another environment makes every resource that uses it land in that environment.",
  severity: "critical",
  category: "governance",
  providers: ["google"],
  remediation: "Set the provider's `project` to one of this environment's projects.",
  check(ctx) {
    return foreignProviders(ctx, "gcp_project", "project");
  },
});
