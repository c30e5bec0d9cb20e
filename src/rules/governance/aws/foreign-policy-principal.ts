import { policyPrincipalRule } from "../environment-aws.js";

export const awsForeignPolicyPrincipal = policyPrincipalRule(
  "PG-AWS-GOV-004",
  "Resource policy grants access to another environment",
  "A bucket, key, repository, queue or topic policy that grants access to principals of another environment's account lets that environment read or change this one's data.",
  ["aws_s3_bucket_policy", "aws_kms_key", "aws_ecr_repository_policy", "aws_sqs_queue_policy", "aws_sns_topic_policy", "aws_secretsmanager_secret_policy"],
  "policy",
  "grants access to",
);
