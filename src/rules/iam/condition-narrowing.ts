import { type InternetThreshold, internetRanges } from "../address-space.js";
import { isMap } from "../read.js";

/**
 * Whether a policy statement's Condition narrows WHO can use it: the question
 * that decides whether `Principal: "*"` is public. Most condition keys say
 * how a request is made (aws:SecureTransport, aws:RequestedRegion,
 * aws:CurrentTime, s3:x-amz-acl ...) and leave every AWS account, or anyone,
 * able to make it; a few bind the caller to an account, an organization, a
 * source resource, a network or an address range. Keys and their reading
 * follow policyuniverse (which Checkov's CKV_AWS_168/169 use) and AWS's
 * documentation of the global condition keys.
 *
 * A Condition's operators and keys are ANDed and a key's values are ORed, so
 * the statement is narrowed when at least one operator-key pair narrows with
 * every one of its values. Only positive operators narrow: a negated one
 * (StringNotEquals, ArnNotLike, NotIpAddress) admits every caller but the
 * ones it names. `...IfExists` does not narrow: the test passes when the key
 * is absent from the request, and these keys are absent exactly for the
 * callers that matter (an anonymous caller has no aws:PrincipalOrgID, a
 * direct call no aws:SourceArn, a call from the internet no aws:SourceVpce).
 * `ForAllValues:` does not narrow either, for the same reason (it is true of
 * an absent key); `ForAnyValue:` does.
 *
 * sts:ExternalId is deliberately not a narrowing key: AWS documents the
 * external ID as not a secret, so a trust policy that admits every account
 * knowing it admits every account.
 */
export function conditionNarrowsCaller(condition: unknown, threshold?: InternetThreshold): boolean {
  if (!isMap(condition)) return false;
  for (const [operatorName, tests] of Object.entries(condition)) {
    const operator = readOperator(operatorName);
    if (!operator || !isMap(tests)) continue;
    for (const [key, values] of Object.entries(tests)) {
      const kind = NARROWING_KEYS.get(key.toLowerCase());
      if (kind && pairNarrows(operator, kind, values, threshold)) return true;
    }
  }
  return false;
}

/** What a narrowing key binds the caller to, which decides how its values are read. */
type KeyKind = "account" | "organization" | "organization-path" | "arn" | "network" | "user-id" | "address";

/** Lower-cased: AWS matches condition key names case-insensitively. */
const NARROWING_KEYS: ReadonlyMap<string, KeyKind> = new Map<string, KeyKind>([
  ["aws:principalaccount", "account"],
  ["aws:sourceaccount", "account"],
  ["aws:sourceowner", "account"],
  ["kms:calleraccount", "account"],
  ["aws:vpceaccount", "account"],
  ["aws:principalorgid", "organization"],
  ["aws:sourceorgid", "organization"],
  ["aws:vpceorgid", "organization"],
  ["aws:principalorgpaths", "organization-path"],
  ["aws:sourceorgpaths", "organization-path"],
  ["aws:vpceorgpaths", "organization-path"],
  ["aws:principalarn", "arn"],
  ["aws:sourcearn", "arn"],
  ["aws:sourcevpc", "network"],
  ["aws:sourcevpce", "network"],
  ["aws:userid", "user-id"],
  ["aws:sourceip", "address"],
]);

interface Operator {
  family: "string" | "arn" | "address";
  /** Whether `*` and `?` in a value are wildcards (StringLike, ArnLike, ArnEquals) or literal characters (StringEquals). */
  wildcards: boolean;
}

/**
 * The positive operators that can narrow, read case-insensitively; undefined
 * for negated ones, IfExists, ForAllValues, Null, Bool and the rest.
 */
function readOperator(name: string): Operator | undefined {
  const m = /^(?:forAnyValue:)?(stringEquals|stringEqualsIgnoreCase|stringLike|arnEquals|arnLike|ipAddress)$/i.exec(
    name,
  );
  const base = m?.[1]?.toLowerCase();
  if (!base) return undefined;
  if (base === "ipaddress") return { family: "address", wildcards: false };
  // ArnEquals and ArnLike behave alike: both match each ARN segment with wildcards.
  if (base.startsWith("arn")) return { family: "arn", wildcards: true };
  return { family: "string", wildcards: base === "stringlike" };
}

function pairNarrows(operator: Operator, kind: KeyKind, raw: unknown, threshold?: InternetThreshold): boolean {
  const values = conditionValues(raw);
  if (!values || values.length === 0) return false;
  if (kind === "address") return operator.family === "address" && !internetRanges(values, threshold);
  if (operator.family === "address") return false;
  if (operator.family === "arn" && kind !== "arn") return false;
  return values.every((v) => valueNarrows(kind, v, operator.wildcards));
}

/** A condition value is a string or a list of them; JSON numbers (an account id written as one) read as their text. */
function conditionValues(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "number") out.push(String(v));
    else return undefined;
  }
  return out;
}

const WILDCARD = /[*?]/;

function valueNarrows(kind: KeyKind, value: string, wildcards: boolean): boolean {
  if (value === "") return false;
  // Compared literally, any value names one caller (or none): "*" matches only the text "*".
  if (!wildcards) return true;
  switch (kind) {
    case "account":
    case "organization":
    case "network":
      return !WILDCARD.test(value);
    case "organization-path": {
      // "o-abc/r-1/ou-2/*" narrows to one organization (or a unit of it); "*" or "o-*/..." does not.
      const org = value.split("/")[0] ?? "";
      return /^o-/i.test(org) && !WILDCARD.test(org);
    }
    case "user-id": {
      // "AROAEXAMPLEID:*" is every session of one role; any other wildcard admits unknown ids.
      const i = value.search(WILDCARD);
      return i === -1 || (i === value.length - 1 && value[i] === "*" && value[i - 1] === ":" && i > 1);
    }
    case "arn":
      return arnNarrows(value);
    case "address":
      return false;
  }
}

/**
 * An ARN pattern narrows when it names one account (its fifth field is
 * written without wildcards), or, for an S3 ARN (which has no account), one
 * bucket. "arn:aws:sqs:*:*:queue" or "arn:aws:s3:::*" admit resources of any
 * account, so any account can arrange to be the source.
 */
function arnNarrows(value: string): boolean {
  const fields = value.split(":");
  if (fields.length < 6 || fields[0]?.toLowerCase() !== "arn") return false;
  const [, partition = "", service = "", , account = ""] = fields;
  if (WILDCARD.test(partition) || WILDCARD.test(service)) return false;
  if (account !== "") return !WILDCARD.test(account);
  if (service.toLowerCase() !== "s3") return false;
  const bucket = fields.slice(5).join(":").split("/")[0] ?? "";
  return bucket !== "" && !WILDCARD.test(bucket);
}
