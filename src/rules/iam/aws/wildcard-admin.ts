import { fail, resourceRule } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { PERMISSION_POLICY_TYPES, permissionDocumentAttribute } from "../aws-policy-types.js";
import { checkovFullIamAccessFails } from "../aws-narrower-checks.js";
import { judgeDocument } from "../judge-document.js";

export const iamWildcardAdmin = resourceRule({
  id: "PG-AWS-IAM-001",
  title: "IAM policy allows every action on every resource",
  description:
    "A statement in an identity policy or a permission set's inline policy that allows `*` (or `*:*`) on `*` grants administrator power; a leaked training job credential then owns the account. A service-wide `*` such as `iam:*` is PG-AWS-IAM-101's.",
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: PERMISSION_POLICY_TYPES,
  compliance: [{ framework: CIS_AWS, control: "1.16" }],
  aliases: ["CKV_AWS_62"],
  // CKV_AWS_63 (Action "*" whatever the resource) is PG-AWS-IAM-007's.
  // CKV2_AWS_40 (Action "*" or "iam:*" anywhere) is split with -007 and -101; each finding it would raise names it.
  narrower: ["CKV2_AWS_40"],
  remediation:
    "List the actions the workload needs on the resources it needs (for example `s3:GetObject` on the dataset bucket's ARN).",
  check: (r, { model }) => {
    const attribute = permissionDocumentAttribute(r.type);
    return judgeDocument(r, model, attribute, (statements) =>
      statements
        .filter(
          (s) => s.effect === "Allow" && s.resources.includes("*") && s.actions.some((a) => a === "*" || a === "*:*"),
        )
        .map((s) => {
          const outcome = fail(`${r.address} allows every action on every resource (statement ${s.index}).`, attribute);
          return checkovFullIamAccessFails(s) ? { ...outcome, aliases: ["CKV2_AWS_40"] } : outcome;
        }),
    );
  },
});
