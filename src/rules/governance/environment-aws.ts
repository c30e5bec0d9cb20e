import { accountOfArn } from "../../governance/environments.js";
import { fail, resourceRule, unknown, type RuleContext } from "../../policy/rule.js";
import { parsePolicyDocument } from "../iam/policy-document.js";
import { readAttribute } from "../read.js";
import { currentEnvironment, environmentKnown, foreignOwner, type CurrentEnvironment } from "./common.js";

/**
 * AWS environment separation: a plan for one environment that points at an
 * account another environment declares. Accounts no environment declares
 * are nobody's and never reported (a vendor's or AWS's own accounts).
 */

const ARN_ACCOUNT = /arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g;

/** Accounts named by ARNs inside a string (a policy document holds several). */
export function accountsIn(text: string): string[] {
  return [...text.matchAll(ARN_ACCOUNT)].map((m) => m[1]!);
}

export function foreignAccounts(
  ctx: RuleContext,
  env: CurrentEnvironment,
  accounts: readonly string[],
): { account: string; owner: string }[] {
  const out: { account: string; owner: string }[] = [];
  for (const account of new Set(accounts)) {
    const owner = foreignOwner(ctx.config, env, "aws_account", account);
    if (owner) out.push({ account, owner });
  }
  return out;
}

export function describe(found: readonly { account: string; owner: string }[]): string {
  return found.map((f) => `${f.account} (${f.owner})`).join(", ");
}

/** Resource types whose `policy` names principals: PG-AWS-GOV-004 judges them, PG-AWS-GOV-006 leaves that attribute to it. */
export const POLICY_PRINCIPAL_TYPES: readonly string[] = [
  "aws_s3_bucket_policy",
  "aws_kms_key",
  "aws_ecr_repository_policy",
  "aws_sqs_queue_policy",
  "aws_sns_topic_policy",
  "aws_secretsmanager_secret_policy",
];

export const KMS_PATH =
  /(^|\.)(kms_key_id|kms_key_arn|kms_master_key_id|kms_key|encryption_key_arn|key_arn|target_key_arn|kms_arn)$/;

/** Account ids a policy document's statements name as principals (ARNs or bare ids). */
function principalAccounts(text: string): string[] {
  const statements = parsePolicyDocument(text);
  if (!statements) return [];
  const out: string[] = [];
  for (const s of statements) {
    const p = s.principals;
    if (!p || typeof p !== "object") continue;
    const aws = (p as Record<string, unknown>)["AWS"];
    for (const v of Array.isArray(aws) ? aws : [aws]) {
      if (typeof v !== "string") continue;
      if (/^\d{12}$/.test(v)) out.push(v);
      else {
        const account = accountOfArn(v);
        if (account) out.push(account);
      }
    }
  }
  return out;
}

export function policyPrincipalRule(
  id: string,
  title: string,
  description: string,
  types: string[],
  attribute: string,
  what: string,
) {
  return resourceRule({
    id,
    title,
    description,
    severity: "high",
    category: "governance",
    providers: ["aws"],
    resourceTypes: types,
    remediation:
      "Name principals of this environment's accounts only. Access from another environment goes through that environment's own roles, reviewed there.",
    runsWhen: environmentKnown,
    check(r, ctx) {
      const env = currentEnvironment(ctx);
      if (!env) return;
      const doc = readAttribute(ctx.model, r, attribute);
      if (doc.state === "unknown")
        return doc.configured ? unknown(`The ${attribute} document is known only after apply.`, attribute) : undefined;
      if (doc.state !== "known" || typeof doc.value !== "string") return;
      const found = foreignAccounts(ctx, env, principalAccounts(doc.value));
      if (found.length === 0) return;
      return fail(`${r.address} ${what} principals of account ${describe(found)}.`, attribute);
    },
  });
}

export const SHARING: Record<string, string> = {
  aws_vpc_peering_connection: "peer_owner_id",
  aws_ram_principal_association: "principal",
};
