import { fail, resourceRule } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { IDENTITY_POLICY_TYPES, PERMISSION_POLICY_TYPES, permissionDocumentAttribute } from "../aws-policy-types.js";
import { checkovFullIamAccessFails } from "../aws-narrower-checks.js";
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
    "A statement in an identity policy or a permission set's inline policy that allows `*` as its action grants every present and future action of every service on the resources it names: full control of a bucket, key or table, including deleting it and changing its policy. Statements that also name every resource are reported by PG-AWS-IAM-001.",
  severity: "high",
  category: "iam",
  providers: ["aws"],
  resourceTypes: PERMISSION_POLICY_TYPES,
  compliance: [{ framework: CIS_AWS, control: "1.16" }],
  aliases: [],
  // CKV_AWS_63 reads identity policies only (not permission sets) and CKV2_AWS_40 is split with -001 and -101:
  // each finding names those that would fail the same statement.
  narrower: ["CKV_AWS_63", "CKV2_AWS_40"],
  // AVD-AWS-0057 (no policy wildcards) is deprecated in Trivy and has no rule body left: nothing to relate to.
  remediation: "List the actions the workload needs (for example `s3:GetObject` and `s3:PutObject`) instead of `*`.",
  check: (r, { model }) => {
    const attribute = permissionDocumentAttribute(r.type);
    return judgeDocument(r, model, attribute, (statements) =>
      statements
        .filter((s) => allowsEveryAction(s) && !s.resources.includes("*"))
        .map((s) => {
          const outcome = fail(
            `${r.address} allows every action on ${s.resources.join(", ") || "its resources"} (statement ${s.index}).`,
            attribute,
          );
          const aliases = [
            ...(checkovStarActionFails(r.type, s) ? ["CKV_AWS_63"] : []),
            ...(checkovFullIamAccessFails(s) ? ["CKV2_AWS_40"] : []),
          ];
          return aliases.length > 0 ? { ...outcome, aliases } : outcome;
        }),
    );
  },
});

/**
 * CKV_AWS_63 (IAMStarActionPolicyDocument): an identity policy (not a
 * permission set) statement with Effect exactly "Allow" (a missing Effect
 * does not match) whose Action holds "*": a list member, or any "*" in a
 * single action string (it tests the string with Python's `in`).
 */
function checkovStarActionFails(type: string, s: Statement): boolean {
  if (!IDENTITY_POLICY_TYPES.includes(type) || s.raw["Effect"] !== "Allow") return false;
  const action = s.raw["Action"];
  return Array.isArray(action) ? action.includes("*") : typeof action === "string" && action.includes("*");
}
