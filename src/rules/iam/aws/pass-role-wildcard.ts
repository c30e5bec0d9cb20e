import { fail, resourceRule } from "../../../policy/rule.js";
import { IDENTITY_POLICY_TYPES } from "../aws-policy-types.js";
import { judgeDocument } from "../judge-document.js";
import { actionCovers } from "../policy-document.js";

export const iamPassRoleWildcard = resourceRule({
  id: "PG-AWS-IAM-002",
  title: "IAM policy allows iam:PassRole on every role",
  description:
    "`iam:PassRole` on `*` lets the holder hand any role, including administrator roles, to a service it controls (a SageMaker training job, an EC2 instance): a privilege escalation path.",
  severity: "high",
  category: "iam",
  providers: ["aws"],
  resourceTypes: IDENTITY_POLICY_TYPES,
  aliases: [],
  remediation:
    "Restrict `iam:PassRole` to the ARNs of the roles the workload must pass, and add an `iam:PassedToService` condition.",
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
