import { expressionValue, providerConfigs } from "../../../governance/configuration.js";
import { regionAllowed } from "../../../governance/environments.js";
import { isUnknown } from "../../../plan/model.js";
import { isJudged } from "../../../policy/evaluate.js";
import { fail, modelRule, unknown, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment } from "../common.js";
import { GCP } from "../environment-gcp.js";

const LOCATION_ATTRIBUTES = ["region", "location", "zone"] as const;

export const gcpRegionOutsideEnvironment = modelRule({
  id: "PG-GCP-GOV-006",
  title: "GCP region or location outside the environment's regions",
  description:
    "A provider's region, or a resource's `region`, `location` or `zone`, outside the regions the environment declares (a zone counts as its region; multi-regions such as `US` must be listed themselves).",
  severity: "medium",
  category: "governance",
  providers: ["google"],
  remediation:
    "Use one of the environment's regions, or add the location to `environments.<name>.regions` after review.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    const regions = env?.declaration.regions;
    if (!env || !regions) return;
    const out: Outcome[] = [];
    const outside = (value: string) => !regionAllowed(env.declaration, value);
    for (const p of providerConfigs(ctx.model)) {
      if (p.name !== "google" && p.name !== "google-beta") continue;
      for (const key of ["region", "zone"]) {
        const v = expressionValue(ctx.model, p.expressions[key], p.moduleAddress);
        const attribute = `provider["${p.key}"].${key}`;
        if (v.state === "unknown")
          out.push(unknown(`The ${key} of provider "${p.key}" is known only after apply.`, attribute));
        else if (v.state === "known" && typeof v.value === "string" && outside(v.value))
          out.push(
            fail(
              `Provider "${p.key}" uses ${key} ${v.value}, outside ${env.name}'s regions (${regions.join(", ")}).`,
              attribute,
            ),
          );
      }
    }
    for (const r of ctx.model.resources) {
      if (!isJudged(r, ctx.config) || !GCP.test(r.type) || !r.after) continue;
      for (const key of LOCATION_ATTRIBUTES) {
        const v = r.after[key];
        if (isUnknown(r, key) || typeof v !== "string" || v === "") continue;
        if (outside(v))
          out.push({
            ...fail(`${r.address} is placed in ${v}, outside ${env.name}'s regions (${regions.join(", ")}).`, key),
            resource: r,
          });
      }
    }
    return out;
  },
});
