import { fail, resourceRule } from "../../policy/rule.js";
import { judgeDocument } from "./judge-document.js";
import { actionCovers } from "./policy-document.js";

const CIS_AWS = "CIS AWS Foundations 3.0";
const POLICY_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"];

export const iamWildcardAdmin = resourceRule({
  id: "PG-AWS-IAM-001",
  title: "IAM policy allows every action on every resource",
  description:
    "A statement that allows `*` (or a service-wide `*` such as `iam:*`) on `*` grants administrator power; a leaked training job credential then owns the account.",
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: POLICY_TYPES,
  compliance: [{ framework: CIS_AWS, control: "1.16" }],
  aliases: ["CKV_AWS_62", "CKV_AWS_63", "AVD-AWS-0057"],
  remediation: "List the actions the workload needs on the resources it needs (for example `s3:GetObject` on the dataset bucket's ARN).",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      statements
        .filter((s) => s.effect === "Allow" && s.resources.includes("*") && s.actions.some((a) => a === "*" || a === "*:*"))
        .map((s) => fail(`${r.address} allows every action on every resource (statement ${s.index}).`, "policy")),
    ),
});

export const iamPassRoleWildcard = resourceRule({
  id: "PG-AWS-IAM-002",
  title: "IAM policy allows iam:PassRole on every role",
  description:
    "`iam:PassRole` on `*` lets the holder hand any role, including administrator roles, to a service it controls (a SageMaker training job, an EC2 instance): a privilege escalation path.",
  severity: "high",
  category: "iam",
  providers: ["aws"],
  resourceTypes: POLICY_TYPES,
  aliases: [],
  remediation: "Restrict `iam:PassRole` to the ARNs of the roles the workload must pass, and add an `iam:PassedToService` condition.",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      statements
        .filter(
          (s) =>
            s.effect === "Allow" &&
            s.resources.includes("*") &&
            !s.hasCondition &&
            s.actions.some((a) => a !== "*" && a !== "*:*" && actionCovers(a, "iam:PassRole")),
        )
        .map((s) => fail(`${r.address} allows iam:PassRole on every role (statement ${s.index}).`, "policy")),
    ),
});

export const awsIamRules = [iamWildcardAdmin, iamPassRoleWildcard];
