import { fail, resourceRule } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { IDENTITY_POLICY_TYPES } from "../aws-policy-types.js";
import { judgeDocument } from "../judge-document.js";
import type { Statement } from "../policy-document.js";

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
  resourceTypes: IDENTITY_POLICY_TYPES,
  compliance: [{ framework: CIS_AWS, control: "1.16" }],
  aliases: ["CKV_AWS_63"],
  // AVD-AWS-0057 (no policy wildcards) is deprecated in Trivy and has no rule body left: nothing to relate to.
  remediation: "List the actions the workload needs (for example `s3:GetObject` and `s3:PutObject`) instead of `*`.",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      statements
        .filter((s) => allowsEveryAction(s) && !s.resources.includes("*"))
        .map((s) =>
          fail(
            `${r.address} allows every action on ${s.resources.join(", ") || "its resources"} (statement ${s.index}).`,
            "policy",
          ),
        ),
    ),
});
