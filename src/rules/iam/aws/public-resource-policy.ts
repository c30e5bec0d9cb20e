import { fail, resourceRule } from "../../../policy/rule.js";
import { judgeDocument } from "../judge-document.js";
import { publicAllowStatements } from "../principals.js";

/** Resource types whose `policy` attribute is a resource-based policy. */
const RESOURCE_POLICY_TYPES = [
  "aws_s3_bucket_policy",
  // The bucket's own (deprecated but still accepted) inline policy.
  "aws_s3_bucket",
  "aws_kms_key",
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
    'A bucket, key, queue, topic, repository or secret policy with Principal "*" and no condition lets any AWS account (or anyone, for S3) use the resource: datasets, model artifacts and container images leak this way.',
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: RESOURCE_POLICY_TYPES,
  aliases: [],
  related: ["CKV_AWS_70", "CKV_AWS_33", "CKV_AWS_168", "CKV_AWS_169", "CKV_AWS_32", "AVD-AWS-0032"],
  remediation:
    "Name the principals (accounts, roles, services) that need access, or narrow the statement with a Condition such as aws:PrincipalOrgID or aws:SourceVpce.",
  check: (r, { model }) =>
    judgeDocument(r, model, "policy", (statements) =>
      publicAllowStatements(statements).map((s) =>
        fail(
          `${r.address} allows ${s.actions.join(", ") || "actions"} to every principal (statement ${s.index}).`,
          "policy",
        ),
      ),
    ),
});
