import { configuredResources, expressionValue } from "../../governance/configuration.js";
import { environmentTaggedAs } from "../../governance/environments.js";
import { fail, modelRule, resourceRule, unknown, type Outcome } from "../../policy/rule.js";
import { currentEnvironment, foreignOwner, tagsOf, unknownFromOutside } from "./common.js";

/** Environment separation that reads the same on every cloud: tags and labels, remote state. */

export const taggedForOtherEnvironment = resourceRule({
  id: "PG-GOV-001",
  title: "Resource tagged for another environment",
  description:
    "A resource whose tags or labels carry another environment's marker (`environments.<name>.tags`) in this environment's plan is either in the wrong configuration or mislabelled: cost, alerting and access rules keyed on the tag will treat it as the other environment's.",
  severity: "medium",
  category: "governance",
  resourceTypes: [],
  resourceTypePattern: /^(aws|google|azurerm)_/,
  remediation: "Fix the tag or label, or move the resource to the other environment's configuration.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const tags = tagsOf(r);
    if (!tags) {
      const from = ["tags", "labels"].find((a) => unknownFromOutside(ctx.model, r, a));
      return from ? unknown(`The ${from} of ${r.address} are known only after apply.`, from) : undefined;
    }
    const other = environmentTaggedAs(ctx.config, tags.labels, env.name);
    // A resource carrying both environments' markers in full is tagged for ours too; the other marker then decides nothing.
    if (!other || environmentTaggedAs(ctx.config, tags.labels) === env.name) return;
    return fail(`${r.address} is tagged for ${other} in this ${env.name} plan.`, tags.path);
  },
});

/** Where a terraform_remote_state data source reads: the bucket (s3, gcs) or storage account (azurerm). */
const STATE_LOCATION_KEYS = ["bucket", "storage_account_name"];

export const remoteStateOfOtherEnvironment = modelRule({
  id: "PG-GOV-002",
  title: "terraform_remote_state reads another environment's state",
  description:
    "Reading another environment's state couples the two (a dev plan that changes when prod's outputs change) and needs read access to the whole of that state, secrets included. The bucket is matched against `environments.<name>.state_buckets`.",
  severity: "high",
  category: "governance",
  remediation: "Read this environment's own state, or publish the few values needed through a parameter store the other environment owns.",
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
        if (owner) out.push(fail(`${block.address} reads state from ${bucket}, ${owner}'s state, in this ${env.name} plan.`, `${block.address}.config.${key}`));
      }
    }
    return out;
  },
});

export const commonEnvironmentRules = [taggedForOtherEnvironment, remoteStateOfOtherEnvironment];
