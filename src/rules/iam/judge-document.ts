import type { Model, Resource } from "../../plan/model.js";
import { unknown, type CheckResult, type Outcome } from "../../policy/rule.js";
import { readAttribute } from "../read.js";
import { mayHoldNotPrincipal, mayHoldWildcard, parsePolicyDocument, type Statement } from "./policy-document.js";

/** What judging needs from a document attribute, read once per resource and attribute. */
type DocumentReading =
  | { state: "unknown"; configured: boolean }
  | { state: "absent" }
  /** Statements of a document that may hold a wildcard or a NotPrincipal; undefined for one that cannot, or is not a policy. */
  | { state: "known"; statements: readonly Statement[] | undefined };

/**
 * Several rules judge the same document of the same resource (PG-AWS-IAM-001,
 * -002 and -005 all read an identity policy's `policy`). The reading depends
 * only on the resource (which belongs to one model) and the attribute, so it
 * is read and parsed once and shared; the statements are never mutated.
 * Keyed by attribute (a rule's constant), then by resource.
 */
const readings = new Map<string, WeakMap<Resource, DocumentReading>>();

/**
 * An absent document is answered by readAttribute without parsing anything,
 * and is most resources' answer (queues, topics, buckets without a policy):
 * it is read again rather than kept, since keeping an entry per resource in
 * a WeakMap costs more than the reading.
 */
const ABSENT: DocumentReading = { state: "absent" };

function readDocument(r: Resource, model: Model, attribute: string): DocumentReading {
  let byResource = readings.get(attribute);
  if (!byResource) readings.set(attribute, (byResource = new WeakMap()));
  let reading = byResource.get(r);
  if (!reading) {
    const doc = readAttribute(model, r, attribute);
    if (doc.state === "absent") return ABSENT;
    reading =
      doc.state === "unknown"
        ? { state: "unknown", configured: doc.configured }
        : {
            state: "known",
            statements:
              typeof doc.value === "string" && (mayHoldWildcard(doc.value) || mayHoldNotPrincipal(doc.value))
                ? parsePolicyDocument(doc.value)
                : undefined,
          };
    byResource.set(r, reading);
  }
  return reading;
}

/**
 * Judges the IAM policy document in one of a resource's attributes (`policy`,
 * `assume_role_policy`): undecided while a configured document is unknown,
 * silent when absent, computed by the provider, or not a policy document.
 * Every rule that judges documents looks for a wildcard (a Resource or
 * Principal of "*") or a NotPrincipal (everyone but some), so `judge` sees
 * only documents that may hold one: the rest, most of a plan's, are never
 * parsed.
 */
export function judgeDocument(
  r: Resource,
  model: Model,
  attribute: string,
  judge: (statements: readonly Statement[]) => Outcome[],
): CheckResult {
  const doc = readDocument(r, model, attribute);
  if (doc.state === "unknown") {
    // Not written in the configuration: the provider's default policy, nothing to judge.
    return doc.configured ? unknown(`The ${attribute} document is known only after apply.`, attribute) : undefined;
  }
  if (doc.state !== "known") return;
  return doc.statements ? judge(doc.statements) : undefined;
}
