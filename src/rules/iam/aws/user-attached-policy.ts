import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { isSet, readAttribute } from "../../read.js";

export const userAttachedPolicy = resourceRule({
  id: "PG-AWS-IAM-006",
  title: "Permissions are attached directly to an IAM user",
  description:
    "Policies attached to individual users are hard to audit and outlive the person's role; grant permissions to groups or roles.",
  severity: "low",
  category: "iam",
  providers: ["aws"],
  resourceTypes: ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"],
  compliance: [{ framework: CIS_AWS, control: "1.15" }],
  aliases: ["CKV_AWS_40", "AVD-AWS-0143"],
  remediation:
    "Attach the policy to a group (aws_iam_group_policy_attachment) and add the user to the group, or use roles with SSO.",
  check(r, { model }) {
    if (r.type !== "aws_iam_policy_attachment")
      return fail(`${r.address} attaches permissions directly to an IAM user.`, "user");
    // The exclusive attachment lists users beside groups and roles.
    const users = readAttribute(model, r, "users");
    if (users.state === "unknown") {
      if (users.references.length > 0) return fail(`${r.address} attaches its policy directly to IAM users.`, "users");
      return users.configured
        ? unknown("The users the policy is attached to are known only after apply.", "users")
        : undefined;
    }
    if (users.state === "known" && isSet(users.value))
      return fail(`${r.address} attaches its policy directly to IAM users.`, "users");
  },
});
