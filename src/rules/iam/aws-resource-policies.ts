import { fail, resourceRule, unknown } from "../../policy/rule.js";
import { isSet, readAttribute } from "../read.js";
import { judgeDocument } from "./judge-document.js";
import { publicAllowStatements } from "./principals.js";

const CIS_AWS = "CIS AWS Foundations 3.0";

/** Resource types whose `policy` attribute is a resource-based policy. */
const RESOURCE_POLICY_TYPES = [
  "aws_s3_bucket_policy",
  // The bucket's own (deprecated but still accepted) inline policy.
  "aws_s3_bucket",
  "aws_kms_key",
  "aws_sqs_queue",
  "aws_sqs_queue_policy",
  "aws_sns_topic",
  "aws_sns_topic_policy",
  "aws_ecr_repository_policy",
  "aws_secretsmanager_secret_policy",
  "aws_secretsmanager_secret",
];

/** Identity policies: attached to roles, users, groups. */
const IDENTITY_POLICY_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"];

export const publicResourcePolicy = resourceRule({
  id: "PG-AWS-IAM-003",
  title: "Resource policy grants access to everyone",
  description:
    "A bucket, key, queue, topic, repository or secret policy with Principal \"*\" and no condition lets any AWS account (or anyone, for S3) use the resource: datasets, model artifacts and container images leak this way.",
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: RESOURCE_POLICY_TYPES,
  aliases: [],
  // Each of these checks decides differently (which conditions narrow a public statement, which
  // statements or resource types it reads): see docs/coverage/aws-core.json.
  related: ["CKV_AWS_70", "CKV_AWS_33", "CKV_AWS_168", "CKV_AWS_169", "CKV_AWS_32", "AVD-AWS-0032"],
  remediation: "Name the principals (accounts, roles, services) that need access, or narrow the statement with a Condition such as aws:PrincipalOrgID or aws:SourceVpce.",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      publicAllowStatements(statements).map((s) => fail(`${r.address} allows ${s.actions.join(", ") || "actions"} to every principal (statement ${s.index}).`, "policy")),
    ),
});

export const publicTrustPolicy = resourceRule({
  id: "PG-AWS-IAM-004",
  title: "Role can be assumed by anyone",
  description: "An assume-role policy that trusts Principal \"*\" without a condition lets any AWS account assume the role and use its permissions.",
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: ["aws_iam_role"],
  aliases: [],
  // CKV_AWS_60 fails Principal "*" whatever the Condition.
  related: ["CKV_AWS_60"],
  remediation: "Trust specific accounts, roles or services (sagemaker.amazonaws.com), or add an sts:ExternalId / aws:PrincipalOrgID condition.",
  check: (r, { model }) =>
    judgeDocument(r, model, "assume_role_policy", (statements) =>
      publicAllowStatements(statements).map((s) => fail(`${r.address} can be assumed by any principal (statement ${s.index}).`, "assume_role_policy")),
    ),
});

export const allowNotAction = resourceRule({
  id: "PG-AWS-IAM-005",
  title: "IAM policy allows everything except a list (NotAction)",
  description:
    "Allow with NotAction grants every action not listed, including actions AWS adds later; it is administrator access in disguise unless the resource is narrow.",
  severity: "high",
  category: "iam",
  providers: ["aws"],
  resourceTypes: IDENTITY_POLICY_TYPES,
  aliases: [],
  remediation: "List the allowed actions with Action instead of excluding some with NotAction.",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      statements
        .filter((s) => s.effect === "Allow" && s.notActions.length > 0 && s.resources.includes("*"))
        .map((s) => fail(`${r.address} allows every action except ${s.notActions.join(", ")} on every resource (statement ${s.index}).`, "policy")),
    ),
});

export const userAttachedPolicy = resourceRule({
  id: "PG-AWS-IAM-006",
  title: "Permissions are attached directly to an IAM user",
  description: "Policies attached to individual users are hard to audit and outlive the person's role; grant permissions to groups or roles.",
  severity: "low",
  category: "iam",
  providers: ["aws"],
  resourceTypes: ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"],
  compliance: [{ framework: CIS_AWS, control: "1.15" }],
  aliases: ["CKV_AWS_40", "AVD-AWS-0143"],
  remediation: "Attach the policy to a group (aws_iam_group_policy_attachment) and add the user to the group, or use roles with SSO.",
  check(r, { model }) {
    if (r.type !== "aws_iam_policy_attachment") return fail(`${r.address} attaches permissions directly to an IAM user.`, "user");
    // The exclusive attachment lists users beside groups and roles.
    const users = readAttribute(model, r, "users");
    if (users.state === "unknown") {
      if (users.references.length > 0) return fail(`${r.address} attaches its policy directly to IAM users.`, "users");
      return users.configured ? unknown("The users the policy is attached to are known only after apply.", "users") : undefined;
    }
    if (users.state === "known" && isSet(users.value)) return fail(`${r.address} attaches its policy directly to IAM users.`, "users");
  },
});

export const awsResourcePolicyRules = [publicResourcePolicy, publicTrustPolicy, allowNotAction, userAttachedPolicy];
