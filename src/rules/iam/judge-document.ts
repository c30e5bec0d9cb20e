import type { Model, Resource } from "../../plan/model.js";
import { unknown, type CheckResult, type Outcome } from "../../policy/rule.js";
import { readAttribute } from "../read.js";
import { parsePolicyDocument, type Statement } from "./policy-document.js";

/**
 * Judges the IAM policy document in one of a resource's attributes (`policy`,
 * `assume_role_policy`): undecided while a configured document is unknown,
 * silent when absent, computed by the provider, or not a policy document.
 */
export function judgeDocument(r: Resource, model: Model, attribute: string, judge: (statements: Statement[]) => Outcome[]): CheckResult {
  const doc = readAttribute(model, r, attribute);
  if (doc.state === "unknown") {
    // Not written in the configuration: the provider's default policy, nothing to judge.
    return doc.configured ? unknown(`The ${attribute} document is known only after apply.`, attribute) : undefined;
  }
  if (doc.state !== "known") return;
  const statements = parsePolicyDocument(doc.value);
  return statements ? judge(statements) : undefined;
}
