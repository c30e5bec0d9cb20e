import { allowNotAction } from "../../../src/rules/iam/aws/allow-not-action.js";
import { iamPassRoleWildcard } from "../../../src/rules/iam/aws/pass-role-wildcard.js";
import { publicResourcePolicy } from "../../../src/rules/iam/aws/public-resource-policy.js";
import { publicTrustPolicy } from "../../../src/rules/iam/aws/public-trust-policy.js";
import { s3NoPublicAccessBlock } from "../../../src/rules/iam/aws/s3-no-public-access-block.js";
import { userAttachedPolicy } from "../../../src/rules/iam/aws/user-attached-policy.js";
import { iamWildcardAction } from "../../../src/rules/iam/aws/wildcard-action.js";
import { iamWildcardAdmin } from "../../../src/rules/iam/aws/wildcard-admin.js";
import { gcpPublicIamMember } from "../../../src/rules/iam/gcp/public-iam-member.js";
import type { InlineResource } from "../inline-plan.js";
import type { RuleTable } from "../rule-tester.js";

/** The IAM pillar's TypeScript rules. */

const doc = (...statements: Record<string, unknown>[]): string =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** An identity policy with the given document; `undefined` makes the document a reference known only after apply. */
function policy(document: string | undefined, type = "aws_iam_policy"): InlineResource {
  if (document === undefined)
    return {
      address: `${type}.p`,
      values: { name: "p" },
      unknown: { policy: true },
      refs: { policy: ["data.aws_iam_policy_document.p.json", "data.aws_iam_policy_document.p"] },
    };
  return { address: `${type}.p`, values: { name: "p", policy: document } };
}

const unknownDocument = (attribute = "policy") => ({
  message: `The ${attribute} document is known only after apply.`,
  attribute,
});

const BUCKET_ARN = "arn:aws:s3:::ml-datasets/*";

/** An IAM Identity Center permission set's inline policy; `undefined` makes it known only after apply. */
function permissionSetPolicy(document: string | undefined): InlineResource {
  const address = "aws_ssoadmin_permission_set_inline_policy.ml";
  if (document === undefined)
    return {
      address,
      values: {},
      unknown: { inline_policy: true },
      refs: { inline_policy: ["data.aws_iam_policy_document.ml.json", "data.aws_iam_policy_document.ml"] },
    };
  return { address, values: { inline_policy: document, instance_arn: "arn:aws:sso:::instance/ssoins-1" } };
}

/** A resource policy of `type` holding the given statements. */
const resourcePolicy = (type: string, ...statements: Record<string, unknown>[]): InlineResource => ({
  address: `${type}.p`,
  values: { policy: doc(...statements) },
});

/** An Allow statement for Principal "*" with the given Condition (none when undefined). */
const toEveryone = (action: string, condition?: Record<string, unknown>, principal: unknown = "*") => ({
  Effect: "Allow",
  Principal: principal,
  Action: action,
  Resource: "*",
  ...(condition ? { Condition: condition } : {}),
});

export const iamTables: RuleTable[] = [
  {
    rule: iamWildcardAdmin,
    valid: [
      {
        name: "named actions on named resources",
        resources: [policy(doc({ Effect: "Allow", Action: "s3:GetObject", Resource: BUCKET_ARN }))],
      },
      { name: "Deny * on *", resources: [policy(doc({ Effect: "Deny", Action: "*", Resource: "*" }))] },
      {
        name: "Action * on a named resource (PG-AWS-IAM-007's)",
        resources: [policy(doc({ Effect: "Allow", Action: "*", Resource: BUCKET_ARN }))],
      },
    ],
    invalid: [
      {
        name: "Allow * on *",
        resources: [
          policy(
            doc(
              { Effect: "Allow", Action: "s3:GetObject", Resource: BUCKET_ARN },
              { Effect: "Allow", Action: ["*"], Resource: "*" },
            ),
          ),
        ],
        errors: [
          {
            message: "aws_iam_policy.p allows every action on every resource (statement 1).",
            attribute: "policy",
            aliases: ["CKV2_AWS_40"],
          },
        ],
      },
      {
        // CKV2_AWS_40 compares the action with "*" exactly: this finding does not name it.
        name: "Allow *:* on * in a role's inline policy",
        resources: [policy(doc({ Effect: "Allow", Action: "*:*", Resource: ["*"] }), "aws_iam_role_policy")],
        errors: [{ message: "allows every action on every resource (statement 0).", attribute: "policy", aliases: [] }],
      },
      {
        name: "Allow * on * in a permission set's inline policy",
        resources: [permissionSetPolicy(doc({ Effect: "Allow", Action: "*", Resource: "*" }))],
        errors: [
          {
            message:
              "aws_ssoadmin_permission_set_inline_policy.ml allows every action on every resource (statement 0).",
            attribute: "inline_policy",
            aliases: ["CKV2_AWS_40"],
          },
        ],
      },
    ],
    undecided: [
      { name: "the document comes from a data source", resources: [policy(undefined)], undecided: [unknownDocument()] },
      {
        name: "a permission set's inline policy from a data source",
        resources: [permissionSetPolicy(undefined)],
        undecided: [unknownDocument("inline_policy")],
      },
    ],
  },
  {
    rule: iamPassRoleWildcard,
    valid: [
      {
        name: "PassRole on a named role",
        resources: [
          policy(doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::222222222222:role/train" })),
        ],
      },
      {
        name: "PassRole on * with an iam:PassedToService condition",
        resources: [
          policy(
            doc({
              Effect: "Allow",
              Action: "iam:PassRole",
              Resource: "*",
              Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
            }),
          ),
        ],
      },
    ],
    invalid: [
      {
        name: "iam:Pass* on *",
        resources: [policy(doc({ Effect: "Allow", Action: ["s3:GetObject", "iam:Pass*"], Resource: "*" }))],
        errors: [{ message: "aws_iam_policy.p allows iam:PassRole on every role (statement 0).", attribute: "policy" }],
      },
    ],
    undecided: [
      {
        name: "the document comes from a data source",
        resources: [policy(undefined, "aws_iam_user_policy")],
        undecided: [unknownDocument()],
      },
    ],
  },
  {
    rule: iamWildcardAction,
    valid: [
      {
        name: "named actions",
        resources: [policy(doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: BUCKET_ARN }))],
      },
      {
        name: "Action * on * (PG-AWS-IAM-001's)",
        resources: [policy(doc({ Effect: "Allow", Action: "*", Resource: "*" }))],
      },
    ],
    invalid: [
      {
        name: "Action * on a bucket's objects",
        resources: [policy(doc({ Effect: "Allow", Action: "*", Resource: BUCKET_ARN }))],
        errors: [
          {
            message: `aws_iam_policy.p allows every action on ${BUCKET_ARN} (statement 0).`,
            attribute: "policy",
            aliases: ["CKV_AWS_63", "CKV2_AWS_40"],
          },
        ],
      },
      {
        // Both checks match Effect "Allow" exactly; planguard reads a missing Effect as Allow (AWS requires one).
        name: "Action [*] without an Effect",
        resources: [policy(doc({ Action: ["*"], Resource: BUCKET_ARN }))],
        errors: [
          {
            message: `aws_iam_policy.p allows every action on ${BUCKET_ARN} (statement 0).`,
            attribute: "policy",
            aliases: [],
          },
        ],
      },
      {
        // CKV_AWS_63 reads identity policies only.
        name: "Action * on some tables in a permission set's inline policy",
        resources: [
          permissionSetPolicy(
            doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/ml-*" }),
          ),
        ],
        errors: [
          {
            message:
              "aws_ssoadmin_permission_set_inline_policy.ml allows every action on arn:aws:dynamodb:us-east-1:111122223333:table/ml-* (statement 0).",
            attribute: "inline_policy",
            aliases: ["CKV2_AWS_40"],
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the document comes from a data source",
        resources: [policy(undefined, "aws_iam_group_policy")],
        undecided: [unknownDocument()],
      },
    ],
  },
  {
    rule: publicResourcePolicy,
    valid: [
      {
        name: "a bucket policy for one account",
        resources: [
          {
            address: "aws_s3_bucket_policy.b",
            values: {
              bucket: "ml-datasets",
              policy: doc({
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::222222222222:root" },
                Action: "s3:GetObject",
                Resource: BUCKET_ARN,
              }),
            },
          },
        ],
      },
      {
        name: "Principal * narrowed by aws:PrincipalOrgID",
        resources: [
          {
            address: "aws_sqs_queue_policy.q",
            values: {
              policy: doc({
                Effect: "Allow",
                Principal: "*",
                Action: "sqs:SendMessage",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
              }),
            },
          },
        ],
      },
      {
        name: "a bucket with no inline policy (the provider computes it)",
        resources: [{ address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" }, unknown: { policy: true } }],
      },
      {
        // CKV_AWS_70 spells the key "aws:sourceVpce" and fails this bucket: not an exposure (its differs note).
        name: "Principal * narrowed to one VPC endpoint (aws:SourceVpce)",
        resources: [
          resourcePolicy(
            "aws_s3_bucket_policy",
            toEveryone("s3:GetObject", { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } }),
          ),
        ],
      },
      {
        name: "Principal * narrowed to the publishing bucket and its account (aws:SourceArn, aws:SourceAccount)",
        resources: [
          resourcePolicy(
            "aws_sns_topic_policy",
            toEveryone("sns:Publish", {
              ArnLike: { "aws:SourceArn": "arn:aws:s3:::ml-uploads" },
              StringEquals: { "aws:SourceAccount": "111122223333" },
            }),
          ),
        ],
      },
      {
        name: "Principal * narrowed to an office range (aws:SourceIp short of the internet)",
        resources: [
          resourcePolicy(
            "aws_sqs_queue_policy",
            toEveryone("sqs:SendMessage", { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.7/32"] } }),
          ),
        ],
      },
      {
        // CKV_AWS_33 ignores conditions and fails this key policy: not an exposure (its differs note).
        name: "a key policy for AWS * narrowed to one account (kms:CallerAccount), as AWS-managed keys are",
        resources: [
          resourcePolicy(
            "aws_kms_key_policy",
            toEveryone(
              "kms:Decrypt",
              { StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
              { AWS: "*" },
            ),
          ),
        ],
      },
      {
        // policyuniverse (CKV_AWS_168) fails it: one open entry makes the statement open to it, though the keys are ANDed.
        name: "Principal * bound to one VPC endpoint, with an account pattern besides",
        resources: [
          resourcePolicy(
            "aws_sqs_queue_policy",
            toEveryone("sqs:ReceiveMessage", {
              StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" },
              StringLike: { "aws:SourceAccount": "*" },
            }),
          ),
        ],
      },
      {
        // policyuniverse (CKV_AWS_169) does not know aws:PrincipalOrgPaths and fails it.
        name: "Principal * bound to one organizational unit (aws:PrincipalOrgPaths)",
        resources: [
          resourcePolicy(
            "aws_sns_topic_policy",
            toEveryone("sns:Subscribe", {
              "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*" },
            }),
          ),
        ],
      },
      {
        // CKV_AWS_32 and AVD-AWS-0032 fail it (one reads only StringEquals, the other no condition at all).
        name: "a repository policy for Principal * narrowed with ForAnyValue:StringEquals aws:PrincipalOrgID",
        resources: [
          resourcePolicy(
            "aws_ecr_repository_policy",
            toEveryone("ecr:BatchGetImage", { "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": ["o-abc123"] } }),
          ),
        ],
      },
      {
        // AVD-AWS-0032 fails Deny statements too; a Deny grants nothing.
        name: "a repository policy that denies Principal * outside the organization",
        resources: [
          resourcePolicy("aws_ecr_repository_policy", {
            Effect: "Deny",
            Principal: "*",
            Action: "ecr:*",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } },
          }),
        ],
      },
    ],
    invalid: [
      {
        name: "a bucket policy for Principal *",
        resources: [
          {
            address: "aws_s3_bucket_policy.b",
            values: {
              bucket: "ml-datasets",
              policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: BUCKET_ARN }),
            },
          },
        ],
        errors: [
          {
            message: "aws_s3_bucket_policy.b allows s3:GetObject to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_70"],
          },
        ],
      },
      {
        name: "a key policy for AWS: *",
        resources: [
          {
            address: "aws_kms_key.k",
            values: {
              policy: doc({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: ["kms:Decrypt"], Resource: "*" }),
            },
          },
        ],
        // CKV_AWS_33 reads the aws_kms_key_policy resource only.
        errors: [
          {
            message: "aws_kms_key.k allows kms:Decrypt to every principal (statement 0).",
            attribute: "policy",
            aliases: [],
          },
        ],
      },
      {
        name: "a bucket policy for Principal * whose only condition is aws:SecureTransport (narrows nothing)",
        resources: [
          resourcePolicy(
            "aws_s3_bucket_policy",
            toEveryone("s3:GetObject", { Bool: { "aws:SecureTransport": "true" } }),
          ),
        ],
        errors: [
          {
            message: "aws_s3_bucket_policy.p allows s3:GetObject to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_70"],
          },
        ],
      },
      {
        name: "a queue policy for Principal * whose only condition is aws:RequestedRegion",
        resources: [
          resourcePolicy(
            "aws_sqs_queue_policy",
            toEveryone("sqs:SendMessage", { StringEquals: { "aws:RequestedRegion": "us-east-1" } }),
          ),
        ],
        errors: [
          {
            message: "aws_sqs_queue_policy.p allows sqs:SendMessage to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_168"],
          },
        ],
      },
      {
        name: "a queue policy for Principal * with aws:PrincipalOrgID matched by the wildcard *",
        resources: [
          resourcePolicy(
            "aws_sqs_queue_policy",
            toEveryone("sqs:SendMessage", { StringLike: { "aws:PrincipalOrgID": "*" } }),
          ),
        ],
        errors: [
          {
            message: "aws_sqs_queue_policy.p allows sqs:SendMessage to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_168"],
          },
        ],
      },
      {
        name: "a queue policy for Principal * from the whole internet (aws:SourceIp 0.0.0.0/0)",
        resources: [
          resourcePolicy(
            "aws_sqs_queue_policy",
            toEveryone("sqs:SendMessage", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }),
          ),
        ],
        errors: [
          {
            message: "aws_sqs_queue_policy.p allows sqs:SendMessage to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_168"],
          },
        ],
      },
      {
        // policyuniverse counts an ...IfExists test as narrowing: CKV_AWS_169 passes the topic, so the finding does not name it.
        name: "a topic policy for Principal * narrowed only by StringEqualsIfExists (a caller without the key passes)",
        resources: [
          resourcePolicy(
            "aws_sns_topic_policy",
            toEveryone("sns:Publish", { StringEqualsIfExists: { "aws:SourceAccount": "111122223333" } }),
          ),
        ],
        errors: [
          {
            message: "aws_sns_topic_policy.p allows sns:Publish to every principal (statement 0).",
            attribute: "policy",
            aliases: [],
          },
        ],
      },
      {
        name: "a topic policy for Principal * with no condition",
        resources: [resourcePolicy("aws_sns_topic_policy", toEveryone("sns:Subscribe"))],
        errors: [
          {
            message: "aws_sns_topic_policy.p allows sns:Subscribe to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_169"],
          },
        ],
      },
      {
        // policyuniverse reads an S3 ARN as narrowing whatever its bucket: CKV_AWS_169 passes it.
        name: "a topic policy for Principal * whose aws:SourceArn is every bucket (arn:aws:s3:::*)",
        resources: [
          resourcePolicy(
            "aws_sns_topic_policy",
            toEveryone("sns:Publish", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::*" } }),
          ),
        ],
        errors: [
          {
            message: "aws_sns_topic_policy.p allows sns:Publish to every principal (statement 0).",
            attribute: "policy",
            aliases: [],
          },
        ],
      },
      {
        name: "a repository policy whose first statement allows Principal * (both ECR checks), and whose second allows AWS * (Trivy's only)",
        resources: [
          resourcePolicy(
            "aws_ecr_repository_policy",
            toEveryone("ecr:BatchGetImage"),
            toEveryone("ecr:PutImage", undefined, { AWS: ["*"] }),
          ),
        ],
        errors: [
          {
            message: "aws_ecr_repository_policy.p allows ecr:BatchGetImage to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_32", "AVD-AWS-0032"],
          },
          {
            message: "aws_ecr_repository_policy.p allows ecr:PutImage to every principal (statement 1).",
            attribute: "policy",
            aliases: ["AVD-AWS-0032"],
          },
        ],
      },
      {
        name: "a key policy resource for AWS * whose only condition is aws:SecureTransport",
        resources: [
          resourcePolicy(
            "aws_kms_key_policy",
            toEveryone("kms:Decrypt", { Bool: { "aws:SecureTransport": "true" } }, { AWS: "*" }),
          ),
        ],
        errors: [
          {
            message: "aws_kms_key_policy.p allows kms:Decrypt to every principal (statement 0).",
            attribute: "policy",
            aliases: ["CKV_AWS_33"],
          },
        ],
      },
      {
        // Every principal but one account; CKV_AWS_70 does not read NotPrincipal.
        name: "a bucket policy that allows NotPrincipal (everyone but the named account)",
        resources: [
          resourcePolicy("aws_s3_bucket_policy", {
            Effect: "Allow",
            NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" },
            Action: "s3:GetObject",
            Resource: BUCKET_ARN,
          }),
        ],
        errors: [
          {
            message:
              "aws_s3_bucket_policy.p allows s3:GetObject to every principal but those its NotPrincipal names (statement 0).",
            attribute: "policy",
            aliases: [],
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a bucket policy from a data source",
        resources: [
          {
            address: "aws_s3_bucket_policy.b",
            values: { bucket: "ml-datasets" },
            unknown: { policy: true },
            refs: { policy: ["data.aws_iam_policy_document.b.json", "data.aws_iam_policy_document.b"] },
          },
        ],
        undecided: [unknownDocument()],
      },
      {
        name: "a key policy whose aws:SourceVpce is an endpoint created in the same apply",
        resources: [
          {
            address: "aws_kms_key_policy.k",
            values: { key_id: "k" },
            unknown: { policy: true },
            refs: { policy: ["aws_vpc_endpoint.kms.id", "aws_vpc_endpoint.kms"] },
          },
        ],
        undecided: [unknownDocument()],
      },
    ],
  },
  {
    rule: publicTrustPolicy,
    valid: [
      {
        name: "trusts SageMaker",
        resources: [
          {
            address: "aws_iam_role.train",
            values: {
              name: "train",
              assume_role_policy: doc({
                Effect: "Allow",
                Principal: { Service: "sagemaker.amazonaws.com" },
                Action: "sts:AssumeRole",
              }),
            },
          },
        ],
      },
      {
        // CKV_AWS_60 ignores conditions and fails this role: not an exposure (its differs note).
        name: "AWS * bound to the organization (aws:PrincipalOrgID)",
        resources: [
          {
            address: "aws_iam_role.org",
            values: {
              name: "org",
              assume_role_policy: doc({
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123", "sts:ExternalId": "x" } },
              }),
            },
          },
        ],
      },
      {
        name: "AWS * bound to one role (ArnEquals aws:PrincipalArn)",
        resources: [
          {
            address: "aws_iam_role.pipeline",
            values: {
              name: "pipeline",
              assume_role_policy: doc({
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "sts:AssumeRole",
                Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-pipeline" } },
              }),
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "trusts AWS: *",
        resources: [
          {
            address: "aws_iam_role.open",
            values: {
              name: "open",
              assume_role_policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }),
            },
          },
        ],
        errors: [
          {
            message: "aws_iam_role.open can be assumed by any principal (statement 0).",
            attribute: "assume_role_policy",
            aliases: ["CKV_AWS_60"],
          },
        ],
      },
      {
        // The external ID is not a secret (AWS says so): whoever learns it assumes the role.
        name: "AWS * with only an sts:ExternalId condition",
        resources: [
          {
            address: "aws_iam_role.vendor",
            values: {
              name: "vendor",
              assume_role_policy: doc({
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": "x" } },
              }),
            },
          },
        ],
        errors: [
          {
            message: "aws_iam_role.vendor can be assumed by any principal (statement 0).",
            attribute: "assume_role_policy",
            aliases: ["CKV_AWS_60"],
          },
        ],
      },
      {
        // CKV_AWS_60 reads only an AWS principal of "*": it passes Principal "*" written as a string.
        name: "Principal * (as a string) whose only condition is aws:MultiFactorAuthPresent",
        resources: [
          {
            address: "aws_iam_role.mfa",
            values: {
              name: "mfa",
              assume_role_policy: doc({
                Effect: "Allow",
                Principal: "*",
                Action: "sts:AssumeRole",
                Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
              }),
            },
          },
        ],
        errors: [
          {
            message: "aws_iam_role.mfa can be assumed by any principal (statement 0).",
            attribute: "assume_role_policy",
            aliases: [],
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the trust policy from a data source",
        resources: [
          {
            address: "aws_iam_role.train",
            values: { name: "train" },
            unknown: { assume_role_policy: true },
            refs: {
              assume_role_policy: ["data.aws_iam_policy_document.trust.json", "data.aws_iam_policy_document.trust"],
            },
          },
        ],
        undecided: [unknownDocument("assume_role_policy")],
      },
    ],
  },
  {
    rule: allowNotAction,
    valid: [
      {
        name: "NotAction on a named resource",
        resources: [policy(doc({ Effect: "Allow", NotAction: "iam:*", Resource: BUCKET_ARN }))],
      },
      {
        name: "Deny with NotAction on *",
        resources: [policy(doc({ Effect: "Deny", NotAction: ["iam:*"], Resource: "*" }))],
      },
    ],
    invalid: [
      {
        name: "Allow NotAction on *",
        resources: [policy(doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }))],
        errors: [
          {
            message:
              "aws_iam_policy.p allows every action except iam:*, organizations:* on every resource (statement 0).",
            attribute: "policy",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the document comes from a data source",
        resources: [policy(undefined, "aws_iam_role_policy")],
        undecided: [unknownDocument()],
      },
    ],
  },
  {
    rule: userAttachedPolicy,
    valid: [
      {
        name: "an exclusive attachment to groups and roles only",
        resources: [
          {
            address: "aws_iam_policy_attachment.shared",
            values: { name: "shared", groups: ["ml"], roles: ["train"], users: [] },
          },
        ],
      },
      {
        name: "an exclusive attachment whose users the provider computes (none written)",
        resources: [
          {
            address: "aws_iam_policy_attachment.shared",
            values: { name: "shared", roles: ["train"] },
            unknown: { users: true },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an inline user policy",
        resources: [
          {
            address: "aws_iam_user_policy.alice",
            values: { user: "alice", policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: BUCKET_ARN }) },
          },
        ],
        errors: [
          { message: "aws_iam_user_policy.alice attaches permissions directly to an IAM user.", attribute: "user" },
        ],
      },
      {
        name: "an exclusive attachment that lists users",
        resources: [{ address: "aws_iam_policy_attachment.shared", values: { name: "shared", users: ["alice"] } }],
        errors: [
          {
            message: "aws_iam_policy_attachment.shared attaches its policy directly to IAM users.",
            attribute: "users",
          },
        ],
      },
      {
        name: "an exclusive attachment to a user created in the same plan (unknown, but a reference)",
        resources: [
          {
            address: "aws_iam_policy_attachment.shared",
            values: { name: "shared" },
            unknown: { users: true },
            refs: { users: ["aws_iam_user.alice.name", "aws_iam_user.alice"] },
          },
        ],
        errors: [{ message: "attaches its policy directly to IAM users.", attribute: "users" }],
      },
    ],
    undecided: [
      {
        name: "an exclusive attachment whose users come from a variable",
        resources: [
          {
            address: "aws_iam_policy_attachment.shared",
            values: { name: "shared" },
            unknown: { users: true },
            expressions: { users: { references: ["var.users"] } },
          },
        ],
        undecided: [{ message: "The users the policy is attached to are known only after apply.", attribute: "users" }],
      },
    ],
  },
  {
    rule: s3NoPublicAccessBlock,
    valid: [
      {
        name: "the bucket's own block refers to it",
        resources: [
          { address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" } },
          {
            address: "aws_s3_bucket_public_access_block.b",
            values: {},
            unknown: { bucket: true },
            refs: { bucket: ["aws_s3_bucket.b.id", "aws_s3_bucket.b"] },
          },
        ],
      },
      {
        name: "a block names the bucket by its name",
        resources: [
          { address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" } },
          { address: "aws_s3_bucket_public_access_block.b", values: { bucket: "ml-datasets" } },
        ],
      },
      {
        name: "the account-level block with all four settings on",
        resources: [
          { address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" } },
          {
            address: "aws_s3_account_public_access_block.all",
            values: {
              block_public_acls: true,
              block_public_policy: true,
              ignore_public_acls: true,
              restrict_public_buckets: true,
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "no block at all",
        resources: [{ address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" } }],
        errors: [
          {
            message:
              "S3 bucket aws_s3_bucket.b has no public access block, and the plan has no account-level one that covers it.",
            attribute: undefined,
          },
        ],
      },
      {
        name: "an account-level block with a setting off",
        resources: [
          { address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" } },
          {
            address: "aws_s3_account_public_access_block.all",
            values: {
              block_public_acls: true,
              block_public_policy: false,
              ignore_public_acls: true,
              restrict_public_buckets: true,
            },
          },
        ],
        errors: [{ message: "has no public access block", attribute: undefined }],
      },
    ],
    undecided: [
      {
        name: "the account-level block's settings come from a variable",
        resources: [
          { address: "aws_s3_bucket.b", values: { bucket: "ml-datasets" } },
          {
            address: "aws_s3_account_public_access_block.all",
            values: { block_public_acls: true, ignore_public_acls: true, restrict_public_buckets: true },
            unknown: { block_public_policy: true },
            refs: { block_public_policy: ["var.block"] },
          },
        ],
        undecided: [
          {
            message: "Whether the account's public access block is on is known only after apply.",
            attribute: undefined,
          },
        ],
      },
    ],
  },
  {
    rule: gcpPublicIamMember,
    valid: [
      {
        name: "a member that is a group",
        resources: [
          {
            address: "google_storage_bucket_iam_member.m",
            values: { bucket: "ml", role: "roles/storage.objectViewer", member: "group:ml@acme.com" },
          },
        ],
      },
      {
        name: "a service account's member, known after apply (never public)",
        resources: [
          {
            address: "google_project_iam_member.m",
            values: { project: "ml-dev", role: "roles/viewer" },
            unknown: { member: true },
            refs: { member: ["google_service_account.sa.member", "google_service_account.sa"] },
          },
        ],
      },
      {
        name: "a type that only looks like IAM is not judged",
        resources: [{ address: "google_storage_bucket.iam_member", values: { name: "allUsers" } }],
      },
    ],
    invalid: [
      {
        name: "a member of allUsers",
        resources: [
          {
            address: "google_storage_bucket_iam_member.m",
            values: { bucket: "ml", role: "roles/storage.objectViewer", member: "allUsers" },
          },
        ],
        errors: [
          {
            message: "google_storage_bucket_iam_member.m grants roles/storage.objectViewer to allUsers.",
            attribute: "member",
            aliases: [],
          },
        ],
      },
      {
        name: "a Cloud Function invoker for allUsers is also Checkov's CKV_GCP_107",
        resources: [
          {
            address: "google_cloudfunctions_function_iam_member.invoke",
            values: { cloud_function: "embed", role: "roles/cloudfunctions.invoker", member: "allUsers" },
          },
        ],
        errors: [{ message: "to allUsers.", attribute: "member", aliases: ["CKV_GCP_107"] }],
      },
      {
        name: "a Cloud Function invoker for allAuthenticatedUsers is not CKV_GCP_107's",
        resources: [
          {
            address: "google_cloudfunctions_function_iam_member.invoke",
            values: { cloud_function: "embed", role: "roles/cloudfunctions.invoker", member: "allAuthenticatedUsers" },
          },
        ],
        errors: [{ message: "to allAuthenticatedUsers.", attribute: "member", aliases: [] }],
      },
      {
        // Checkov's CKV2_GCP_6 and CKV2_GCP_8 fail the key or ring a public grant is connected to.
        name: "public grants on a crypto key and a key ring of the configuration, and on a key outside it",
        resources: [
          { address: "google_kms_key_ring.ml", values: { name: "ml", location: "us" } },
          {
            address: "google_kms_crypto_key.data",
            values: { name: "data" },
            refs: { key_ring: ["google_kms_key_ring.ml.id", "google_kms_key_ring.ml"] },
          },
          {
            address: "google_kms_crypto_key_iam_member.pub",
            values: { role: "roles/cloudkms.cryptoKeyDecrypter", member: "allUsers" },
            unknown: { crypto_key_id: true },
            refs: { crypto_key_id: ["google_kms_crypto_key.data.id", "google_kms_crypto_key.data"] },
          },
          {
            address: "google_kms_key_ring_iam_binding.pub",
            values: { role: "roles/cloudkms.viewer", members: ["allAuthenticatedUsers"] },
            unknown: { key_ring_id: true },
            refs: { key_ring_id: ["google_kms_key_ring.ml.id", "google_kms_key_ring.ml"] },
          },
          {
            address: "google_kms_crypto_key_iam_member.elsewhere",
            values: {
              crypto_key_id: "projects/p/locations/us/keyRings/shared/cryptoKeys/k",
              role: "roles/cloudkms.cryptoKeyDecrypter",
              member: "allUsers",
            },
          },
        ],
        errors: [
          {
            message: "google_kms_crypto_key_iam_member.pub grants roles/cloudkms.cryptoKeyDecrypter to allUsers.",
            attribute: "member",
            resource: "google_kms_crypto_key_iam_member.pub",
            aliases: ["CKV2_GCP_6"],
          },
          {
            message: "google_kms_key_ring_iam_binding.pub grants roles/cloudkms.viewer to allAuthenticatedUsers.",
            attribute: "members",
            resource: "google_kms_key_ring_iam_binding.pub",
            aliases: ["CKV2_GCP_8"],
          },
          {
            message: "google_kms_crypto_key_iam_member.elsewhere grants roles/cloudkms.cryptoKeyDecrypter to allUsers.",
            attribute: "member",
            resource: "google_kms_crypto_key_iam_member.elsewhere",
            aliases: [],
          },
        ],
      },
      {
        name: "a binding with both public members",
        resources: [
          {
            address: "google_cloud_run_service_iam_binding.b",
            values: {
              service: "api",
              role: "roles/run.invoker",
              members: ["user:a@acme.com", "allUsers", "allAuthenticatedUsers"],
            },
          },
        ],
        errors: [{ message: "grants roles/run.invoker to allUsers and allAuthenticatedUsers.", attribute: "members" }],
      },
      {
        name: "a policy whose bindings grant two roles publicly",
        resources: [
          {
            address: "google_storage_bucket_iam_policy.p",
            values: {
              bucket: "ml",
              policy_data: JSON.stringify({
                bindings: [
                  { role: "roles/storage.objectViewer", members: ["allUsers"] },
                  { role: "roles/storage.admin", members: ["group:ops@acme.com"] },
                  { role: "roles/storage.legacyBucketReader", members: ["allAuthenticatedUsers"] },
                ],
              }),
            },
          },
        ],
        errors: [
          { message: "grants roles/storage.objectViewer to allUsers.", attribute: "policy_data" },
          { message: "grants roles/storage.legacyBucketReader to allAuthenticatedUsers.", attribute: "policy_data" },
        ],
      },
    ],
    undecided: [
      {
        name: "the member comes from a variable",
        resources: [
          {
            address: "google_storage_bucket_iam_member.m",
            values: { bucket: "ml", role: "roles/storage.objectViewer" },
            unknown: { member: true },
            expressions: { member: { references: ["var.member"] } },
          },
        ],
        undecided: [{ message: "The members are known only after apply.", attribute: "member" }],
      },
    ],
  },
];
