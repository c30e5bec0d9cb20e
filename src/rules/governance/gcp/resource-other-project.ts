import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { readAttribute } from "../../read.js";
import { currentEnvironment, environmentKnown, foreignOwner } from "../common.js";
import { GCP } from "../environment-gcp.js";

export const gcpResourceOtherProject = resourceRule({
  id: "PG-GCP-GOV-002",
  title: "Resource created in another environment's project",
  description:
    "A resource whose `project` argument names another environment's project is created there, outside this environment's review and blast radius.",
  severity: "critical",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GCP,
  remediation:
    "Create the resource in this environment's project, or move it to the other environment's configuration.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const project = readAttribute(ctx.model, r, "project");
    if (project.state === "unknown") {
      // Unset: the provider's project, judged by PG-GCP-GOV-001. Set from something computed: undecided.
      return project.configured ? unknown("The resource's project is known only after apply.", "project") : undefined;
    }
    if (project.state !== "known" || typeof project.value !== "string") return;
    const id = project.value.replace(/^projects\//, "");
    const owner = foreignOwner(ctx.config, env, "gcp_project", id);
    if (owner) return fail(`${r.address} is created in project ${id}, which belongs to ${owner}.`, "project");
  },
});
