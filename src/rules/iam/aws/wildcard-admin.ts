import { fail, resourceRule } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { IDENTITY_POLICY_TYPES } from "../aws-policy-types.js";
import { judgeDocument } from "../judge-document.js";

export const iamWildcardAdmin = resourceRule({
  id: "PG-AWS-IAM-001",
  title: "IAM policy allows every action on every resource",
  description:
    "A statement that allows `*` (or a service-wide `*` such as `iam:*`) on `*` grants administrator power; a leaked training job credential then owns the account.",
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: IDENTITY_POLICY_TYPES,
  compliance: [{ framework: CIS_AWS, control: "1.16" }],
  aliases: ["CKV_AWS_62"],
  // CKV_AWS_63 (Action "*" whatever the resource) is PG-AWS-IAM-007's.
  remediation:
    "List the actions the workload needs on the resources it needs (for example `s3:GetObject` on the dataset bucket's ARN).",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      statements
        .filter(
          (s) => s.effect === "Allow" && s.resources.includes("*") && s.actions.some((a) => a === "*" || a === "*:*"),
        )
        .map((s) => fail(`${r.address} allows every action on every resource (statement ${s.index}).`, "policy")),
    ),
});
