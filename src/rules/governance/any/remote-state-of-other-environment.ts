import { configuredResources, expressionValue } from "../../../governance/configuration.js";
import { fail, modelRule, unknown, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment, foreignOwner } from "../common.js";

/** Where a terraform_remote_state data source reads: the bucket (s3, gcs) or storage account (azurerm). */
const STATE_LOCATION_KEYS = ["bucket", "storage_account_name"];

export const remoteStateOfOtherEnvironment = modelRule({
  id: "PG-GOV-002",
  title: "terraform_remote_state reads another environment's state",
  description:
    "Reading another environment's state couples the two (a dev plan that changes when prod's outputs change) and needs read access to the whole of that state, secrets included. The bucket is matched against `environments.<name>.state_buckets`.",
  severity: "high",
  category: "governance",
  remediation:
    "Read this environment's own state, or publish the few values needed through a parameter store the other environment owns.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const block of configuredResources(ctx.model)) {
      if (block.mode !== "data" || block.type !== "terraform_remote_state") continue;
      const config = expressionValue(ctx.model, block.expressions["config"], block.moduleAddress);
      const attribute = `${block.address}.config`;
      if (config.state === "unknown") {
        out.push(unknown(`Which state ${block.address} reads is known only after apply.`, attribute));
        continue;
      }
      if (config.state !== "known" || typeof config.value !== "object" || config.value === null) continue;
      const values = config.value as Record<string, unknown>;
      for (const key of STATE_LOCATION_KEYS) {
        const bucket = values[key];
        if (typeof bucket !== "string") continue;
        const owner = foreignOwner(ctx.config, env, "state_bucket", bucket);
        if (owner)
          out.push(
            fail(
              `${block.address} reads state from ${bucket}, ${owner}'s state, in this ${env.name} plan.`,
              `${block.address}.config.${key}`,
            ),
          );
      }
    }
    return out;
  },
});
