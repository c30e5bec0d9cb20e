import { fail, modelRule, unknown } from "../../../policy/rule.js";
import { isPartial, s3Backend, where } from "../backend.js";

export const s3BackendUnencrypted = modelRule({
  id: "PG-GOV-012",
  title: "S3 backend without encryption",
  description:
    "State holds every secret the configuration touches. The S3 backend's `encrypt = true` makes it write state with server-side encryption (and `kms_key_id` with a customer key) regardless of the bucket's defaults.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  remediation: 'Set `encrypt = true` (and `kms_key_id`) in the `backend "s3"` block.',
  check(ctx) {
    const b = s3Backend(ctx);
    if (!b) return;
    if (b.settings["encrypt"] === true) return;
    if (b.written.has("encrypt") && b.settings["encrypt"] === undefined)
      return unknown(`The S3 backend's encrypt (${where(b)}) is not a constant.`, "terraform.backend.s3.encrypt");
    if (!b.written.has("encrypt") && isPartial(b))
      return unknown(
        `The S3 backend (${where(b)}) is completed at init; whether it sets encrypt is not known here.`,
        "terraform.backend.s3.encrypt",
      );
    return fail(`The S3 backend (${where(b)}) does not set encrypt = true.`, "terraform.backend.s3.encrypt");
  },
});
