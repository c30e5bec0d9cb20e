import { fail, modelRule, unknown } from "../../../policy/rule.js";
import { isPartial, s3Backend, where } from "../backend.js";

export const s3BackendUnlocked = modelRule({
  id: "PG-GOV-013",
  title: "S3 backend without state locking",
  description:
    "Without `use_lockfile = true` (Terraform 1.10+) or a `dynamodb_table`, two pipelines can apply against the same state at once and corrupt it.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  remediation: 'Set `use_lockfile = true` in the `backend "s3"` block (or `dynamodb_table` on older Terraform).',
  check(ctx) {
    const b = s3Backend(ctx);
    if (!b) return;
    if (b.settings["use_lockfile"] === true || b.written.has("dynamodb_table")) return;
    if (b.written.has("use_lockfile") && b.settings["use_lockfile"] === undefined)
      return unknown(
        `The S3 backend's use_lockfile (${where(b)}) is not a constant.`,
        "terraform.backend.s3.use_lockfile",
      );
    if (isPartial(b))
      return unknown(
        `The S3 backend (${where(b)}) is completed at init; whether it locks state is not known here.`,
        "terraform.backend.s3.use_lockfile",
      );
    return fail(
      `The S3 backend (${where(b)}) has no state locking (use_lockfile or dynamodb_table).`,
      "terraform.backend.s3.use_lockfile",
    );
  },
});
