import { accountOfArn, regionAllowed } from "../../governance/environments.js";
import { expressionValue, providerConfigs } from "../../governance/configuration.js";
import { isUnknown, type Resource } from "../../plan/model.js";
import { isJudged } from "../../policy/evaluate.js";
import { fail, modelRule, resourceRule, unknown, type Outcome, type RuleContext } from "../../policy/rule.js";
import { parsePolicyDocument } from "../iam/policy-document.js";
import { readAttribute } from "../read.js";
import { currentEnvironment, foreignOwner, foreignProviders, outsideUnknowns, stringLeaves, unknownFromOutside, type CurrentEnvironment } from "./common.js";

/**
 * AWS environment separation: a plan for one environment that points at an
 * account another environment declares. Accounts no environment declares
 * are nobody's and never reported (a vendor's or AWS's own accounts).
 */

const ARN_ACCOUNT = /arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g;

/** Accounts named by ARNs inside a string (a policy document holds several). */
function accountsIn(text: string): string[] {
  return [...text.matchAll(ARN_ACCOUNT)].map((m) => m[1]!);
}

function foreignAccounts(ctx: RuleContext, env: CurrentEnvironment, accounts: readonly string[]): { account: string; owner: string }[] {
  const out: { account: string; owner: string }[] = [];
  for (const account of new Set(accounts)) {
    const owner = foreignOwner(ctx.config, env, "aws_account", account);
    if (owner) out.push({ account, owner });
  }
  return out;
}

function describe(found: readonly { account: string; owner: string }[]): string {
  return found.map((f) => `${f.account} (${f.owner})`).join(", ");
}

const KMS_PATH = /(^|\.)(kms_key_id|kms_key_arn|kms_master_key_id|kms_key|encryption_key_arn|key_arn|target_key_arn|kms_arn)$/;

export const awsProviderOtherAccount = modelRule({
  id: "PG-AWS-GOV-001",
  title: "AWS provider configured for another environment's account",
  description:
    "A provider configuration whose `allowed_account_ids` or `assume_role.role_arn` names an account declared for another environment lets this plan create or change resources there: a dev pipeline that can write to prod.",
  severity: "critical",
  category: "governance",
  providers: ["aws"],
  remediation: "Point the provider at this environment's account, or run the change from the other environment's pipeline. Cross-account work belongs in that account's configuration.",
  check(ctx) {
    return foreignProviders(ctx, "aws_account", "account");
  },
});

export const awsForeignKmsKey = resourceRule({
  id: "PG-AWS-GOV-002",
  title: "Resource encrypted with another environment's KMS key",
  description:
    "A KMS key ARN from another environment's account ties this environment's data to keys it does not own: the other environment's administrators can read or destroy it, and rotating or deleting the key there breaks this one.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: [],
  resourceTypePattern: /^aws_/,
  remediation: "Use a customer-managed key created in this environment's account.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (!KMS_PATH.test(leaf.path)) continue;
      const found = foreignAccounts(ctx, env, accountsIn(leaf.value));
      if (found.length > 0) out.push(fail(`${r.address} uses a KMS key of account ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => KMS_PATH.test(p), "The KMS key"));
    return out;
  },
});

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

function policyPrincipalRule(id: string, title: string, description: string, types: string[], attribute: string, what: string) {
  return resourceRule({
    id,
    title,
    description,
    severity: "high",
    category: "governance",
    providers: ["aws"],
    resourceTypes: types,
    remediation: "Name principals of this environment's accounts only. Access from another environment goes through that environment's own roles, reviewed there.",
    check(r, ctx) {
      const env = currentEnvironment(ctx);
      if (!env) return;
      const doc = readAttribute(ctx.model, r, attribute);
      if (doc.state === "unknown") return doc.configured ? unknown(`The ${attribute} document is known only after apply.`, attribute) : undefined;
      if (doc.state !== "known" || typeof doc.value !== "string") return;
      const found = foreignAccounts(ctx, env, principalAccounts(doc.value));
      if (found.length === 0) return;
      return fail(`${r.address} ${what} principals of account ${describe(found)}.`, attribute);
    },
  });
}

export const awsForeignTrust = policyPrincipalRule(
  "PG-AWS-GOV-003",
  "IAM role trusts a principal of another environment",
  "An IAM role whose trust policy lets another environment's account assume it joins the two environments: whoever controls dev can act in prod.",
  ["aws_iam_role"],
  "assume_role_policy",
  "trusts",
);

export const awsForeignPolicyPrincipal = policyPrincipalRule(
  "PG-AWS-GOV-004",
  "Resource policy grants access to another environment",
  "A bucket, key, repository, queue or topic policy that grants access to principals of another environment's account lets that environment read or change this one's data.",
  ["aws_s3_bucket_policy", "aws_kms_key", "aws_ecr_repository_policy", "aws_sqs_queue_policy", "aws_sns_topic_policy", "aws_secretsmanager_secret_policy"],
  "policy",
  "grants access to",
);

const SHARING: Record<string, string> = {
  aws_vpc_peering_connection: "peer_owner_id",
  aws_ram_principal_association: "principal",
};

export const awsForeignSharing = resourceRule({
  id: "PG-AWS-GOV-005",
  title: "Network peering or resource share with another environment",
  description:
    "A VPC peering connection or a RAM share with another environment's account opens a path between environments that the environment boundary is meant to close.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: Object.keys(SHARING),
  remediation: "Remove the peering or share, or route the traffic through an approved, separately reviewed shared-services account.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const attribute = SHARING[r.type]!;
    const v = readAttribute(ctx.model, r, attribute);
    if (v.state === "unknown") return unknownFromOutside(ctx.model, r, attribute) ? unknown(`The account of ${attribute} is known only after apply.`, attribute) : undefined;
    if (v.state !== "known" || typeof v.value !== "string") return;
    const account = /^\d{12}$/.test(v.value) ? v.value : accountOfArn(v.value);
    if (!account) return;
    const owner = foreignOwner(ctx.config, env, "aws_account", account);
    if (owner) return fail(`${r.address} connects this ${env.name} plan to account ${account} (${owner}).`, attribute);
  },
});

/** Paths the rules above judge with a better message. */
function coveredElsewhere(r: Resource, path: string): boolean {
  if (KMS_PATH.test(path)) return true;
  if (r.type === "aws_iam_role" && path === "assume_role_policy") return true;
  if (awsForeignPolicyPrincipal.meta.resourceTypes.includes(r.type) && path === "policy") return true;
  return SHARING[r.type] === path;
}

export const awsForeignArn = resourceRule({
  id: "PG-AWS-GOV-006",
  title: "Resource refers to an ARN in another environment's account",
  description:
    "An ARN of another environment's account in a resource argument (a role, a bucket, a topic, a log destination) makes this environment depend on, or write into, the other one.",
  severity: "medium",
  category: "governance",
  providers: ["aws"],
  resourceTypes: [],
  resourceTypePattern: /^aws_/,
  remediation: "Refer to this environment's own resources; share data between environments through an explicit, reviewed export.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (coveredElsewhere(r, leaf.path)) continue;
      const found = foreignAccounts(ctx, env, accountsIn(leaf.value));
      if (found.length > 0) out.push(fail(`${r.address} refers to an ARN of account ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => !coveredElsewhere(r, p), "The value"));
    return out;
  },
});

export const awsRegionOutsideEnvironment = modelRule({
  id: "PG-AWS-GOV-007",
  title: "AWS region outside the environment's regions",
  description:
    "An environment declares the regions it may use (data residency, quotas, disaster-recovery plans). A provider configuration, or a resource's own `region` argument, in another region puts infrastructure where the environment's controls do not reach.",
  severity: "medium",
  category: "governance",
  providers: ["aws"],
  remediation: "Use one of the environment's regions, or add the region to `environments.<name>.regions` after review.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    if (!env?.declaration.regions) return;
    const out: Outcome[] = [];
    for (const p of providerConfigs(ctx.model)) {
      if (p.name !== "aws") continue;
      const region = expressionValue(ctx.model, p.expressions["region"], p.moduleAddress);
      const attribute = `provider["${p.key}"].region`;
      if (region.state === "unknown") out.push(unknown(`The region of provider "${p.key}" is known only after apply.`, attribute));
      else if (region.state === "known" && typeof region.value === "string" && !regionAllowed(env.declaration, region.value)) {
        out.push(fail(`Provider "${p.key}" uses region ${region.value}, outside ${env.name}'s regions (${env.declaration.regions.join(", ")}).`, attribute));
      }
    }
    for (const r of ctx.model.resources) {
      if (!isJudged(r, ctx.config) || r.provider !== "aws" || !r.after) continue;
      const region = r.after["region"];
      if (isUnknown(r, "region")) continue; // the provider's region, judged above
      if (typeof region === "string" && region !== "" && !regionAllowed(env.declaration, region)) {
        out.push({ ...fail(`${r.address} is placed in region ${region}, outside ${env.name}'s regions (${env.declaration.regions.join(", ")}).`, "region"), resource: r });
      }
    }
    return out;
  },
});

export const awsEnvironmentRules = [
  awsProviderOtherAccount,
  awsForeignKmsKey,
  awsForeignTrust,
  awsForeignPolicyPrincipal,
  awsForeignSharing,
  awsForeignArn,
  awsRegionOutsideEnvironment,
];
