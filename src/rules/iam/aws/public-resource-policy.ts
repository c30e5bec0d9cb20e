import { internetThreshold } from "../../address-space.js";
import { fail, type Outcome, resourceRule } from "../../../policy/rule.js";
import { judgeDocument } from "../judge-document.js";
import { type PublicGrant, publicGrants } from "../principals.js";
import { resourcePolicyChecksFailing } from "../aws-narrower-checks.js";

/** Resource types whose `policy` attribute is a resource-based policy. */
const RESOURCE_POLICY_TYPES = [
  "aws_s3_bucket_policy",
  // The bucket's own (deprecated but still accepted) inline policy.
  "aws_s3_bucket",
  "aws_kms_key",
  // The key policy as its own resource (provider 4.x and later).
  "aws_kms_key_policy",
  "aws_sqs_queue",
  "aws_sqs_queue_policy",
  "aws_sns_topic",
  "aws_sns_topic_policy",
  "aws_ecr_repository_policy",
  "aws_secretsmanager_secret_policy",
  "aws_secretsmanager_secret",
];

export const publicResourcePolicy = resourceRule({
  id: "PG-AWS-IAM-003",
  title: "Resource policy grants access to everyone",
  description:
    'A bucket, key, queue, topic, repository or secret policy that allows Principal "*" (or NotPrincipal) lets any AWS account (or anyone, for S3) use the resource: datasets, model artifacts and container images leak this way. A Condition keeps it private only when it binds the caller to an account, organization, source resource, VPC or address range (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, aws:SourceVpce, aws:SourceIp short of the internet ...) with a positive operator; aws:SecureTransport, aws:RequestedRegion or an ...IfExists test leave it public.',
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: RESOURCE_POLICY_TYPES,
  aliases: [],
  // Each reads some of these resource types; a finding names those that would fail the same statement.
  narrower: ["CKV_AWS_70", "CKV_AWS_32", "AVD-AWS-0032", "CKV_AWS_33", "CKV_AWS_168", "CKV_AWS_169"],
  remediation:
    "Name the principals (accounts, roles, services) that need access, or narrow the statement with a Condition on who calls: aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceArn / aws:SourceAccount for a service, aws:SourceVpce.",
  check: (r, { config, model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      publicGrants(statements, internetThreshold(config)).map((grant) =>
        named(
          fail(
            `${r.address} allows ${actionsOf(grant)} to ${whom(grant)} (statement ${grant.statement.index}).`,
            "policy",
          ),
          resourcePolicyChecksFailing(r.type, statements, grant),
        ),
      ),
    ),
});

function actionsOf(grant: PublicGrant): string {
  return grant.statement.actions.join(", ") || "actions";
}

function whom(grant: PublicGrant): string {
  return grant.via === "principal" ? "every principal" : "every principal but those its NotPrincipal names";
}

function named(outcome: Outcome, aliases: string[]): Outcome {
  return aliases.length > 0 ? { ...outcome, aliases } : outcome;
}
