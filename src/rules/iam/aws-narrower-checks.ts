import type { Statement } from "./policy-document.js";
import type { PublicGrant } from "./principals.js";
import { isMap } from "../read.js";

/**
 * Models of the Checkov and Trivy checks that judge part of what
 * PG-AWS-IAM-003, -004, -001 and -007 judge, read from their code: which of
 * planguard's findings each check would also raise, so that the finding
 * names it (per-finding aliases; suppressions and `rules.disable`
 * naming the check then act on exactly those). Each check fails a resource
 * once; every finding the check's failure is about names it.
 *
 * The checks read elements literally (exact key spelling, exact Effect),
 * so the models read `Statement.raw`.
 */

/** The resource-policy checks, by the resource types they read. */
export function resourcePolicyChecksFailing(
  type: string,
  statements: readonly Statement[],
  grant: PublicGrant,
): string[] {
  const ids: string[] = [];
  if ((type === "aws_s3_bucket" || type === "aws_s3_bucket_policy") && checkovS3AnyPrincipalFails(statements, grant))
    ids.push("CKV_AWS_70");
  if (type === "aws_ecr_repository_policy") {
    if (checkovEcrPolicyFails(grant)) ids.push("CKV_AWS_32");
    if (trivyEcrPublicFails(grant)) ids.push("AVD-AWS-0032");
  }
  if (type === "aws_kms_key_policy" && checkovKmsWildcardPrincipalFails(grant)) ids.push("CKV_AWS_33");
  if (type === "aws_sqs_queue_policy" && policyuniverseFails(statements, grant)) ids.push("CKV_AWS_168");
  if (type === "aws_sns_topic_policy" && policyuniverseFails(statements, grant)) ids.push("CKV_AWS_169");
  return ids;
}

/** The trust-policy check (aws_iam_role's assume_role_policy). */
export function trustPolicyChecksFailing(statements: readonly Statement[], grant: PublicGrant): string[] {
  return checkovRoleAllowsPublicAssumeFails(statements, grant) ? ["CKV_AWS_60"] : [];
}

/**
 * CKV2_AWS_40 (IAMPolicyNotAllowFullIAMAccess): an identity or permission
 * set policy statement with Effect exactly "Allow" whose actions hold "*"
 * or "iam:*" exactly (a single action string reads as a list of one),
 * whatever its resource or Condition. PG-AWS-IAM-001 and -007 report "*";
 * PG-AWS-IAM-101 (Rego) reports "iam:*" and names the check itself.
 */
export function checkovFullIamAccessFails(s: Statement): boolean {
  if (s.raw["Effect"] !== "Allow") return false;
  const action = s.raw["Action"];
  const actions = Array.isArray(action) ? action : [action];
  return actions.includes("*") || actions.includes("iam:*");
}

/** `{"AWS": "*"}` or `{"AWS": [..., "*"]}`: the only public principal most of the checks know besides "*". */
function awsWildcard(principal: unknown): boolean {
  if (!isMap(principal)) return false;
  const aws = principal["AWS"];
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}

/**
 * CKV_AWS_70 (S3AllowsAnyPrincipal): the first statement with an Effect
 * other than Deny and a Principal of "*" or AWS "*" decides the bucket: it
 * fails unless the check's condition test passes it. Later statements are
 * never read.
 */
function checkovS3AnyPrincipalFails(statements: readonly Statement[], grant: PublicGrant): boolean {
  for (const s of statements) {
    const effect = s.raw["Effect"];
    if (effect === undefined || effect === "Deny" || !("Principal" in s.raw)) continue;
    const principal = s.raw["Principal"];
    if (principal === "*" || awsWildcard(principal)) return s === grant.statement && !checkovS3ConditionPasses(s.raw);
  }
  return false;
}

/** The S3 check's condition keys, spelled as it spells them (it compares them case-sensitively). */
const CHECKOV_S3_STRING_KEYS = [
  "aws:sourceVpce",
  "aws:SourceVpc",
  "aws:VpceAccount",
  "aws:PrincipalOrgPaths",
  "aws:userid",
  "aws:PrincipalArn",
  "aws:PrincipalAccount",
  "aws:PrincipalOrgID",
  "aws:Ec2InstanceSourceVpc",
  "ec2:SourceInstanceArn",
  "lambda:SourceFunctionArn",
  "ssm:SourceInstanceArn",
];

/**
 * The S3 check's check_conditions: a negated ARN operator passes; an
 * ArnEquals/ArnLike block passes unless its aws:PrincipalArn or
 * aws:SourceArn matches every account ("arn:aws:<service>::*..."); a
 * StringEquals/StringEqualsIgnoreCase/StringLike block passes when it holds
 * one of its keys, whatever the value; nothing else passes.
 */
function checkovS3ConditionPasses(raw: Readonly<Record<string, unknown>>): boolean {
  const condition = raw["Condition"];
  if (!isMap(condition)) return false;
  if ("ArnNotEquals" in condition || "ArnNotLike" in condition) return true;
  for (const operator of ["ArnEquals", "ArnLike"]) {
    const tests = condition[operator];
    if (tests === undefined) continue;
    if (isMap(tests)) {
      for (const key of ["aws:PrincipalArn", "aws:SourceArn"]) {
        const v = tests[key];
        if (typeof v === "string" && /^arn:aws:[a-z0-9-]+::\*/.test(v)) return false;
      }
    }
    return true;
  }
  for (const operator of ["StringEquals", "StringEqualsIgnoreCase", "StringLike"]) {
    const tests = condition[operator];
    if (isMap(tests) && CHECKOV_S3_STRING_KEYS.some((k) => k in tests)) return true;
  }
  return false;
}

/**
 * CKV_AWS_32 (ECRPolicy): only the document's first statement, whatever its
 * Effect, with Principal exactly "*" fails unless the first of StringEquals,
 * ForAllValues:StringEquals, ForAnyValue:StringEquals it holds names
 * aws:PrincipalOrgID.
 */
function checkovEcrPolicyFails(grant: PublicGrant): boolean {
  const s = grant.statement;
  if (!s.inList || s.index !== 0 || s.raw["Principal"] !== "*") return false;
  const condition = s.raw["Condition"];
  if (!isMap(condition)) return true;
  const operator = ["StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringEquals"].find(
    (o) => o in condition,
  );
  const tests = operator ? condition[operator] : undefined;
  return !(isMap(tests) && "aws:PrincipalOrgID" in tests);
}

/**
 * AVD-AWS-0032 (ecr no_public_access): any statement, whatever its Effect or
 * Condition, with an action starting "ecr:" and a Principal of "*" or AWS
 * "*".
 */
function trivyEcrPublicFails(grant: PublicGrant): boolean {
  const s = grant.statement;
  const principal = s.raw["Principal"];
  return s.actions.some((a) => a.startsWith("ecr:")) && (principal === "*" || awsWildcard(principal));
}

/** CKV_AWS_33 (KmsKeyWildcardPrincipal): an aws_kms_key_policy statement with Effect "Allow" and a Principal of "*" or AWS "*", whatever its Condition. */
function checkovKmsWildcardPrincipalFails(grant: PublicGrant): boolean {
  const raw = grant.statement.raw;
  return raw["Effect"] === "Allow" && (raw["Principal"] === "*" || awsWildcard(raw["Principal"]));
}

/**
 * CKV_AWS_60 (IAMRoleAllowsPublicAssume): walks a listed Statement in order,
 * skipping Deny; the first statement with an AWS "*" principal fails the
 * role, whatever its Condition. Principal "*" written as a string is not
 * read as public; a statement that is not an object or has no Principal
 * ends the walk (its error is swallowed and the role passes).
 */
function checkovRoleAllowsPublicAssumeFails(statements: readonly Statement[], grant: PublicGrant): boolean {
  if (!grant.statement.inList) return false;
  let position = 0;
  for (const s of statements) {
    if (s.index !== position++) return false;
    if (s.raw["Effect"] === "Deny") continue;
    if (!("Principal" in s.raw)) return false;
    if (awsWildcard(s.raw["Principal"])) return s === grant.statement;
  }
  return false;
}

/**
 * Checkov's CKV_AWS_168 and CKV_AWS_169 ask policyuniverse whether the policy
 * is internet accessible: it walks the statements in order and answers at the
 * first accessible one; a statement whose reading raises (see below) ends the
 * walk with an error, and Checkov then reports nothing for the resource. A
 * finding names the check when the policy fails and its statement is
 * accessible.
 */
function policyuniverseFails(statements: readonly Statement[], grant: PublicGrant): boolean {
  for (const s of statements) {
    const verdict = policyuniverseInternetAccessible(s.raw);
    if (verdict === "raises") return false;
    if (verdict) return policyuniverseInternetAccessible(grant.statement.raw) === true;
  }
  return false;
}

/**
 * policyuniverse's Statement.is_internet_accessible: Effect "Allow"; the
 * condition is open when none of its entries is on a key it knows under a
 * positive operator it matches (a prefix match, so ...IfExists counts), or
 * when an entry is open (an ARN of every account, a user id with a wildcard
 * before its end, a /0 address, any other value holding "*"), read in order
 * (a user id without "*" raises when reached); then NotPrincipal, or an AWS
 * or Service principal of "*" or of every account, is open.
 */
function policyuniverseInternetAccessible(raw: Readonly<Record<string, unknown>>): boolean | "raises" {
  if (raw["Effect"] !== "Allow") return false;
  const entries = policyuniverseConditionEntries(raw["Condition"]);
  if (entries.length > 0) {
    let open = false;
    for (const e of entries) {
      if (e.category === "userid" && !e.value.includes("*")) return "raises";
      if (policyuniverseEntryOpen(e)) {
        open = true;
        break;
      }
    }
    if (!open) return false;
  }
  if ("NotPrincipal" in raw) return true;
  return policyuniversePrincipals(raw["Principal"]).some(policyuniverseArnOpen);
}

const POLICYUNIVERSE_KEYS: ReadonlyMap<string, string> = new Map([
  ["aws:sourcearn", "arn"],
  ["aws:principalarn", "arn"],
  ["aws:sourceowner", "account"],
  ["aws:sourceaccount", "account"],
  ["aws:principalaccount", "account"],
  ["kms:calleraccount", "account"],
  ["aws:userid", "userid"],
  ["aws:sourceip", "cidr"],
  ["aws:sourcevpc", "vpc"],
  ["aws:sourcevpce", "vpce"],
  ["aws:principalorgid", "org-id"],
]);

/** Its operator patterns, matched at the start of the operator name only, case-insensitively. */
const POLICYUNIVERSE_OPERATORS = [
  /^((ForAllValues|ForAnyValue):)?ARN(Equals|Like)(IfExists)?/i,
  /^((ForAllValues|ForAnyValue):)?String(Equals|Like)(IgnoreCase)?(IfExists)?/i,
  /^((ForAllValues|ForAnyValue):)?IpAddress(IfExists)?/i,
];

interface Entry {
  category: string;
  value: string;
}

/** The entries it reads, in the order it reads them. */
function policyuniverseConditionEntries(condition: unknown): Entry[] {
  const entries: Entry[] = [];
  if (!isMap(condition)) return entries;
  for (const [operator, tests] of Object.entries(condition)) {
    if (!POLICYUNIVERSE_OPERATORS.some((re) => re.test(operator)) || !isMap(tests)) continue;
    for (const [key, value] of Object.entries(tests)) {
      const category = POLICYUNIVERSE_KEYS.get(key.toLowerCase());
      if (!category) continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === "string") entries.push({ category, value: v });
      }
    }
  }
  return entries;
}

function policyuniverseEntryOpen(e: Entry): boolean {
  if (e.category === "arn") return policyuniverseArnOpen(e.value);
  if (e.category === "userid") return e.value.indexOf("*") !== e.value.length - 1;
  if (e.category === "cidr") return e.value.endsWith("/0");
  return e.value.includes("*");
}

function policyuniversePrincipals(principal: unknown): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string") out.push(x);
  };
  if (isMap(principal)) {
    add(principal["AWS"]);
    add(principal["Service"]);
  } else add(principal);
  return out;
}

/** Its ARN test: "*", an ARN of account "*" or of no account (S3 ARNs aside), or an unparsable value holding "*". */
function policyuniverseArnOpen(value: string): boolean {
  if (value === "*") return true;
  const m = /^arn:([^:]*):([^:]*):([^:]*):(|\*|\d{12}|cloudfront|aws):(.+)$/.exec(value);
  // An account id alone, or a service principal, parses without error and is not open.
  if (!m) return !/^(\d{12})+$|\.amazon(aws)?\.com$|\.aws\.internal$/.test(value) && value.includes("*");
  if (m[2] === "s3") return false;
  return m[4] === "" || m[4] === "*";
}
