import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { isSet, readAttribute } from "../../read.js";

export const sageMakerNotebookKms = resourceRule({
  id: "PG-AWS-SAGEMAKER-001",
  title: "SageMaker notebook volume is not encrypted with a customer key",
  description:
    "A SageMaker notebook's ML storage volume holds notebooks, datasets and credentials cached by data scientists. Without `kms_key_id` it is encrypted with an AWS-managed key that you cannot audit or revoke.",
  severity: "medium",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_sagemaker_notebook_instance"],
  // CKV_AWS_187 judges notebook instances and domains (PG-AWS-SAGEMAKER-102) alike: no kms_key_id fails.
  aliases: ["CKV_AWS_22", "CKV_AWS_187"],
  remediation: "Set `kms_key_id` to a customer-managed KMS key.",
  check(r, { model }) {
    const key = readAttribute(model, r, "kms_key_id");
    // A key created in the same plan is unknown until apply, but referenced: that counts.
    if (key.state === "unknown")
      return key.references.length > 0 ? undefined : unknown("The KMS key is known only after apply.", "kms_key_id");
    if (key.state === "known" && isSet(key.value)) return;
    return fail(`SageMaker notebook ${r.address} has no customer-managed KMS key for its volume.`, "kms_key_id");
  },
});
