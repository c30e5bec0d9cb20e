import { isObject, isSet, objectGet, type Value } from "../../rego/value.js";
import { isSeverity, type Severity } from "../types.js";

/**
 * conftest's contract: rules named deny, violation and warn, with an optional
 * `_suffix`, yield strings or objects with `msg`; an `exception` rule in the
 * same package exempts rules by their suffix.
 */
const CONFTEST_RULE = /^(deny|violation|warn)(?:_([A-Za-z0-9_]+))?$/;

export type ConftestKind = "deny" | "violation" | "warn";

export function conftestKind(ruleName: string): { kind: ConftestKind; suffix: string } | undefined {
  const m = CONFTEST_RULE.exec(ruleName);
  return m ? { kind: m[1] as ConftestKind, suffix: m[2] ?? "" } : undefined;
}

/** A rule's value breaks conftest's contract: the rule fails (exit 2). */
class ConftestContractError extends Error {}

/** One member of a deny/violation/warn set. */
export interface ConftestResult {
  msg: string;
  resource?: string;
  attribute?: string;
  severity?: Severity;
  id?: string;
  /** Ids of narrower checks this result is also a finding of (`aliases: ["CKV_GCP_2"]`). */
  aliases?: string[];
}

/** The members of a rule's value: a set (partial rule), an array, or one value. */
export function conftestResults(value: Value | undefined): ConftestResult[] {
  if (value === undefined || value === null || value === false) return [];
  // A set's values() spread, not the set: V8 lists a Map's own iterator natively, where a class's
  // iterable is stepped one result object at a time (a large plan's deny set has thousands).
  const members: Value[] = isSet(value) ? [...value.values()] : Array.isArray(value) ? value : [value];
  const out: ConftestResult[] = [];
  // An indexed loop: this runs once per scan, unoptimized, over every finding (for...of steps an iterator).
  for (let i = 0; i < members.length; i++) {
    const r = toResult(members[i]!);
    if (r) out.push(r);
  }
  return out;
}

/** What a finding says when its rule gave an empty message: still a failure, as in conftest. */
export const EMPTY_MESSAGE = "(the rule gave an empty message)";

/**
 * One member as conftest reads it. A string is the message (an empty one
 * still fails); an object must carry a string `msg`, and one without it is an
 * error of the rule (conftest: "rule missing msg field"), never a silent pass.
 */
function toResult(member: Value): ConftestResult | undefined {
  if (typeof member === "string") return { msg: member === "" ? EMPTY_MESSAGE : member };
  if (!isObject(member)) return member === true ? undefined : { msg: String(member) };
  const msg = objectGet(member, "msg");
  if (msg === undefined)
    throw new ConftestContractError("a result object has no msg field (conftest: rule missing msg field)");
  if (typeof msg !== "string") throw new ConftestContractError("a result object's msg field is not a string");
  const result: ConftestResult = { msg: msg === "" ? EMPTY_MESSAGE : msg };
  const resource = objectGet(member, "resource");
  if (typeof resource === "string" && resource !== "") result.resource = resource;
  const attribute = objectGet(member, "attribute");
  if (typeof attribute === "string" && attribute !== "") result.attribute = attribute;
  else if (Array.isArray(attribute)) result.attribute = attribute.map(String).join(".");
  const severity = objectGet(member, "severity");
  if (typeof severity === "string" && isSeverity(severity.toLowerCase()))
    result.severity = severity.toLowerCase() as Severity;
  const id = objectGet(member, "id");
  if (typeof id === "string" && id !== "") result.id = id;
  const aliases = objectGet(member, "aliases");
  if (aliases !== undefined && (Array.isArray(aliases) || isSet(aliases))) {
    const ids: string[] = [];
    for (const a of aliases as Iterable<Value>) if (typeof a === "string" && a !== "") ids.push(a);
    if (ids.length > 0) result.aliases = ids;
  }
  return result;
}

/**
 * The rule suffixes an `exception` rule exempts: each member is a list of
 * names; "" exempts the plain deny/violation/warn rule.
 */
export function exceptedSuffixes(exception: Value | undefined): Set<string> {
  const out = new Set<string>();
  if (exception === undefined) return out;
  const members: Value[] = isSet(exception) ? [...exception] : Array.isArray(exception) ? exception : [exception];
  for (const m of members) {
    const names: Value[] = Array.isArray(m) ? m : isSet(m) ? [...m] : [m];
    for (const n of names) if (typeof n === "string") out.add(n);
  }
  return out;
}
