import { fail, modelRule, unknown, type Outcome } from "../../../policy/rule.js";
import { isPartial, where } from "../backend.js";
import { currentEnvironment, foreignOwner } from "../common.js";

const LOCATION_SETTING: Record<string, string> = { s3: "bucket", gcs: "bucket", azurerm: "storage_account_name" };

export const sharedBackend = modelRule({
  id: "PG-GOV-014",
  title: "Backend stores state in another environment's bucket",
  description:
    "A root module for one environment whose backend bucket (or Azure storage account) is one `environments.<name>.state_buckets` declares for another environment shares that environment's state store: whoever can apply here can read, and overwrite, the other environment's state.",
  severity: "critical",
  category: "governance",
  remediation:
    "Give each environment its own state bucket (or storage account), with access limited to that environment's CI role.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    const b = ctx.backend;
    if (!env || b?.kind !== "backend") return;
    const setting = LOCATION_SETTING[b.type];
    if (!setting) return;
    const attribute = `terraform.backend.${b.type}.${setting}`;
    const bucket = b.settings[setting];
    if (typeof bucket !== "string") {
      return b.written.has(setting) || isPartial(b)
        ? unknown(
            `The ${b.type} backend's ${setting} (${where(b)}) is set at init or computed: which environment's bucket it is is not known here.`,
            attribute,
          )
        : undefined;
    }
    const owner = foreignOwner(ctx.config, env, "state_bucket", bucket);
    const outcomes: Outcome[] = [];
    if (owner)
      outcomes.push(
        fail(
          `The ${b.type} backend (${where(b)}) of this ${env.name} configuration keeps state in ${bucket}, ${owner}'s state bucket.`,
          attribute,
        ),
      );
    return outcomes;
  },
});
