import { referrersOf } from "../../../plan/model.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { ebsEncryptionByDefault } from "../../account-settings.js";
import { CIS_AWS } from "../../frameworks.js";
import { readAttribute } from "../../read.js";

export const ebsVolumeEncrypted = resourceRule({
  id: "PG-AWS-EBS-001",
  title: "EBS volume is not encrypted",
  description:
    "An EBS volume holds training data, checkpoints or scratch space. Without encryption at rest, snapshots and detached volumes expose it to anyone who can read them.",
  severity: "high",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_ebs_volume"],
  compliance: [{ framework: CIS_AWS, control: "2.2.1" }],
  aliases: ["CKV_AWS_3", "AVD-AWS-0026"],
  // Checkov's CKV2_AWS_2 judges the volumes an aws_volume_attachment of the configuration attaches: named on theirs.
  narrower: ["CKV2_AWS_2"],
  defaults: ["aws_ebs_volume encrypted", "aws_ebs_encryption_by_default enabled"],
  remediation:
    "Set `encrypted = true` (and `kms_key_id` for a customer-managed key), or turn on EBS encryption by default for the account.",
  check(r, { model }) {
    const enc = readAttribute(model, r, "encrypted");
    if (enc.state === "unknown")
      return unknown("Whether the volume is encrypted is known only after apply.", "encrypted");
    if (enc.state === "known" && enc.value === true) return;
    // With encryption by default on for the region, AWS encrypts the volume whatever it says.
    const account = ebsEncryptionByDefault(model);
    if (account === "on") return;
    if (account === "unknown")
      return unknown("Whether EBS encryption by default is on is known only after apply.", "encrypted");
    const why =
      enc.state === "known" && enc.default ? " (`encrypted` is left out: the provider's default is false)" : "";
    const outcome = fail(`EBS volume ${r.address} is not encrypted at rest${why}.`, "encrypted");
    // CKV2_AWS_2 also fails an attached volume that encryption by default covers; this rule passes it (above).
    const attached = referrersOf(model, r, "aws_volume_attachment", "volume_id").length > 0;
    return attached ? { ...outcome, aliases: ["CKV2_AWS_2"] } : outcome;
  },
});
