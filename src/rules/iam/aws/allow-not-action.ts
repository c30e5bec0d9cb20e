import { fail, resourceRule } from "../../../policy/rule.js";
import { IDENTITY_POLICY_TYPES } from "../aws-policy-types.js";
import { judgeDocument } from "../judge-document.js";

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
        .map((s) =>
          fail(
            `${r.address} allows every action except ${s.notActions.join(", ")} on every resource (statement ${s.index}).`,
            "policy",
          ),
        ),
    ),
});
