import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { readAttribute } from "../../read.js";

export const sageMakerNotebookInternet = resourceRule({
  id: "PG-AWS-NET-003",
  title: "SageMaker notebook has direct internet access",
  description:
    "With direct internet access (the provider's default), a notebook can download anything and send data anywhere, bypassing the VPC's controls and logs.",
  severity: "medium",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_sagemaker_notebook_instance"],
  aliases: ["CKV_AWS_122"],
  defaults: ["aws_sagemaker_notebook_instance direct_internet_access"],
  remediation:
    'Set `direct_internet_access = "Disabled"` and give the notebook a `subnet_id` whose route goes through a NAT gateway or VPC endpoints.',
  check(r, { model }) {
    const access = readAttribute(model, r, "direct_internet_access");
    if (access.state === "unknown")
      return unknown("Internet access is known only after apply.", "direct_internet_access");
    // The provider's default is "Enabled": an absent value is enabled too.
    if (access.state === "known" && access.value === "Disabled") return;
    return fail(`SageMaker notebook ${r.address} has direct internet access.`, "direct_internet_access");
  },
});
