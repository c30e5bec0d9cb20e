import { fail, resourceRule } from "../../policy/rule.js";
import { judgeDocument } from "./judge-document.js";
import { actionCovers, type Statement } from "./policy-document.js";

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
  aliases: ["CKV_AWS_62"],
  // CKV_AWS_63 fails on Action "*" whatever the resource (this rule and PG-AWS-IAM-007 together);
  // AVD-AWS-0057 fails on any wildcard in actions or resources.
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

/** Action "*" (or "*:*") in an Allow statement. */
function allowsEveryAction(s: Statement): boolean {
  return s.effect === "Allow" && s.actions.some((a) => a === "*" || a === "*:*");
}

export const iamWildcardAction = resourceRule({
  id: "PG-AWS-IAM-007",
  title: "IAM policy allows every action on some resources",
  description:
    "A statement that allows `*` as its action grants every present and future action of every service on the resources it names: full control of a bucket, key or table, including deleting it and changing its policy. Statements that also name every resource are reported by PG-AWS-IAM-001.",
  severity: "high",
  category: "iam",
  providers: ["aws"],
  resourceTypes: POLICY_TYPES,
  compliance: [{ framework: CIS_AWS, control: "1.16" }],
  aliases: ["CKV_AWS_63"],
  related: ["AVD-AWS-0057"],
  remediation: "List the actions the workload needs (for example `s3:GetObject` and `s3:PutObject`) instead of `*`.",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      statements
        .filter((s) => allowsEveryAction(s) && !s.resources.includes("*"))
        .map((s) => fail(`${r.address} allows every action on ${s.resources.join(", ") || "its resources"} (statement ${s.index}).`, "policy")),
    ),
});

export const awsIamRules = [iamWildcardAdmin, iamPassRoleWildcard, iamWildcardAction];
