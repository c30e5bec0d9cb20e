import type { PlanguardConfig } from "../../../src/config/config.js";
import { remoteStateOfOtherEnvironment } from "../../../src/rules/governance/any/remote-state-of-other-environment.js";
import { taggedForOtherEnvironment } from "../../../src/rules/governance/any/tagged-for-other-environment.js";
import { awsForeignArn } from "../../../src/rules/governance/aws/foreign-arn.js";
import { awsForeignKmsKey } from "../../../src/rules/governance/aws/foreign-kms-key.js";
import { awsForeignPolicyPrincipal } from "../../../src/rules/governance/aws/foreign-policy-principal.js";
import { awsForeignSharing } from "../../../src/rules/governance/aws/foreign-sharing.js";
import { awsForeignTrust } from "../../../src/rules/governance/aws/foreign-trust.js";
import { awsProviderOtherAccount } from "../../../src/rules/governance/aws/provider-other-account.js";
import { awsRegionOutsideEnvironment } from "../../../src/rules/governance/aws/region-outside-environment.js";
import type { RuleTable } from "../rule-tester.js";

/**
 * The governance rules about environment separation, AWS and cloud-neutral
 * ones. Every case is a plan for dev; prod is the environment it must not
 * reach (the config below, as fixtures/rules/governance.planguard.yaml).
 */
export const ENVIRONMENTS: PlanguardConfig = {
  environment: "dev",
  environments: {
    prod: {
      aws_accounts: ["111111111111"],
      gcp_projects: ["ml-prod"],
      azure_subscriptions: ["11111111-1111-1111-1111-111111111111"],
      regions: ["us-east-1", "europe-west4", "westeurope"],
      tags: { env: "prod" },
      state_buckets: ["acme-tfstate-prod"],
      require_image_digest: true,
    },
    dev: {
      aws_accounts: ["222222222222"],
      gcp_projects: ["ml-dev"],
      azure_subscriptions: ["22222222-2222-2222-2222-222222222222"],
      regions: ["us-east-1", "us-central1", "westeurope"],
      tags: { env: "dev" },
      state_buckets: ["acme-tfstate-dev"],
    },
  },
};

const PROD_KEY = "arn:aws:kms:us-east-1:111111111111:key/0b1c2d3e";
const DEV_KEY = "arn:aws:kms:us-east-1:222222222222:key/0b1c2d3e";
const FROM_REMOTE_STATE = (output: string) => [
  `data.terraform_remote_state.shared.outputs.${output}`,
  "data.terraform_remote_state.shared",
];
const trust = (principal: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }],
  });

export const environmentTables: RuleTable[] = [
  {
    rule: taggedForOtherEnvironment,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "tagged for dev",
        resources: [
          {
            address: "aws_s3_bucket.scratch",
            values: { bucket: "acme-scratch", tags: { env: "dev" }, tags_all: { env: "dev" } },
          },
        ],
      },
      {
        name: "labelled for dev (GCP)",
        resources: [
          {
            address: "google_storage_bucket.scratch",
            values: { name: "acme-scratch", labels: { env: "dev" }, effective_labels: { env: "dev" } },
          },
        ],
      },
      {
        name: "no environment configured: silent",
        config: {},
        resources: [{ address: "aws_s3_bucket.scratch", values: { bucket: "acme-scratch", tags: { env: "prod" } } }],
      },
    ],
    invalid: [
      {
        name: "tagged for prod",
        resources: [
          {
            address: "aws_s3_bucket.scratch",
            values: { bucket: "acme-scratch", tags: { env: "prod" }, tags_all: { env: "prod" } },
            computed: ["tags_all"],
          },
        ],
        errors: [{ message: "aws_s3_bucket.scratch is tagged for prod in this dev plan.", attribute: "tags_all" }],
      },
    ],
    undecided: [
      {
        name: "tags from a data source",
        resources: [
          {
            address: "aws_s3_bucket.scratch",
            values: { bucket: "acme-scratch" },
            unknown: { tags: true, tags_all: true },
            refs: { tags: ["data.external.tags.result", "data.external.tags"] },
          },
        ],
        undecided: [{ message: "The tags of aws_s3_bucket.scratch are known only after apply.", attribute: "tags" }],
      },
    ],
  },
  {
    rule: remoteStateOfOtherEnvironment,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "reads dev's state",
        resources: [
          {
            address: "data.terraform_remote_state.features",
            configOnly: true,
            values: { backend: "s3", config: { bucket: "acme-tfstate-dev", key: "features.tfstate" } },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "reads prod's state",
        resources: [
          {
            address: "data.terraform_remote_state.features",
            configOnly: true,
            values: { backend: "s3", config: { bucket: "acme-tfstate-prod", key: "features.tfstate" } },
          },
        ],
        errors: [
          {
            message:
              "data.terraform_remote_state.features reads state from acme-tfstate-prod, prod's state, in this dev plan.",
            attribute: "data.terraform_remote_state.features.config.bucket",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the state's location from a local value",
        resources: [
          {
            address: "data.terraform_remote_state.features",
            configOnly: true,
            values: { backend: "s3" },
            unknown: { config: true },
            refs: { config: ["local.state_config"] },
          },
        ],
        undecided: [
          {
            message: "Which state data.terraform_remote_state.features reads is known only after apply.",
            attribute: "data.terraform_remote_state.features.config",
          },
        ],
      },
    ],
  },
  {
    rule: awsProviderOtherAccount,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "the provider is pinned to dev's account and assumes a dev role",
        resources: [],
        providers: {
          aws: {
            expressions: {
              region: { constant_value: "us-east-1" },
              allowed_account_ids: { constant_value: ["222222222222"] },
              assume_role: [{ role_arn: { constant_value: "arn:aws:iam::222222222222:role/terraform" } }],
            },
          },
        },
      },
    ],
    invalid: [
      {
        name: "the provider assumes a role in prod's account",
        resources: [],
        providers: {
          aws: {
            expressions: {
              region: { constant_value: "us-east-1" },
              assume_role: [{ role_arn: { constant_value: "arn:aws:iam::111111111111:role/terraform" } }],
            },
          },
        },
        errors: [
          {
            message: 'Provider "aws" of this dev plan uses account 111111111111, which belongs to prod.',
            attribute: 'provider["aws"].assume_role.role_arn',
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the role ARN from a parameter",
        resources: [],
        providers: {
          aws: {
            expressions: {
              assume_role: [
                { role_arn: { references: ["data.aws_ssm_parameter.role.value", "data.aws_ssm_parameter.role"] } },
              ],
            },
          },
        },
        undecided: [
          {
            message: 'The account of provider "aws" (assume_role.role_arn) is known only after apply.',
            attribute: 'provider["aws"].assume_role.role_arn',
          },
        ],
      },
    ],
  },
  {
    rule: awsForeignKmsKey,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "a dev key",
        resources: [{ address: "aws_ebs_volume.scratch", values: { size: 500, encrypted: true, kms_key_id: DEV_KEY } }],
      },
      {
        name: "a key created in this plan (unknown, from a managed resource)",
        resources: [
          {
            address: "aws_ebs_volume.scratch",
            values: { size: 500, encrypted: true },
            unknown: { kms_key_id: true },
            refs: { kms_key_id: ["aws_kms_key.k.arn", "aws_kms_key.k"] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "prod's key",
        resources: [
          { address: "aws_ebs_volume.scratch", values: { size: 500, encrypted: true, kms_key_id: PROD_KEY } },
        ],
        errors: [
          { message: "aws_ebs_volume.scratch uses a KMS key of account 111111111111 (prod).", attribute: "kms_key_id" },
        ],
      },
    ],
    undecided: [
      {
        name: "the key from another state",
        resources: [
          {
            address: "aws_ebs_volume.scratch",
            values: { size: 500, encrypted: true },
            unknown: { kms_key_id: true },
            refs: { kms_key_id: FROM_REMOTE_STATE("kms_key_arn") },
          },
        ],
        undecided: [
          {
            message: "The KMS key in kms_key_id comes from outside this plan and is known only after apply.",
            attribute: "kms_key_id",
          },
        ],
      },
    ],
  },
  {
    rule: awsForeignTrust,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "trusts a dev role",
        resources: [
          {
            address: "aws_iam_role.trainer",
            values: { name: "trainer", assume_role_policy: trust("arn:aws:iam::222222222222:role/ci") },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "trusts a prod role",
        resources: [
          {
            address: "aws_iam_role.trainer",
            values: { name: "trainer", assume_role_policy: trust("arn:aws:iam::111111111111:role/ci") },
          },
        ],
        errors: [
          {
            message: "aws_iam_role.trainer trusts principals of account 111111111111 (prod).",
            attribute: "assume_role_policy",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the trust policy from a data source",
        resources: [
          {
            address: "aws_iam_role.trainer",
            values: { name: "trainer" },
            unknown: { assume_role_policy: true },
            refs: {
              assume_role_policy: ["data.aws_iam_policy_document.trust.json", "data.aws_iam_policy_document.trust"],
            },
          },
        ],
        undecided: [
          { message: "The assume_role_policy document is known only after apply.", attribute: "assume_role_policy" },
        ],
      },
    ],
  },
  {
    rule: awsForeignPolicyPrincipal,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "grants a dev account",
        resources: [
          {
            address: "aws_s3_bucket_policy.datasets",
            values: {
              bucket: "acme-dev",
              policy: JSON.stringify({
                Statement: [{ Effect: "Allow", Principal: { AWS: ["222222222222"] }, Action: "s3:GetObject" }],
              }),
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "grants prod's account by its bare id",
        resources: [
          {
            address: "aws_s3_bucket_policy.datasets",
            values: {
              bucket: "acme-dev",
              policy: JSON.stringify({
                Statement: [{ Effect: "Allow", Principal: { AWS: ["111111111111"] }, Action: "s3:GetObject" }],
              }),
            },
          },
        ],
        errors: [
          {
            message: "aws_s3_bucket_policy.datasets grants access to principals of account 111111111111 (prod).",
            attribute: "policy",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the policy from a data source",
        resources: [
          {
            address: "aws_s3_bucket_policy.datasets",
            values: { bucket: "acme-dev" },
            unknown: { policy: true },
            refs: { policy: ["data.aws_iam_policy_document.p.json", "data.aws_iam_policy_document.p"] },
          },
        ],
        undecided: [{ message: "The policy document is known only after apply.", attribute: "policy" }],
      },
    ],
  },
  {
    rule: awsForeignSharing,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "peering within dev's account",
        resources: [
          {
            address: "aws_vpc_peering_connection.p",
            values: { vpc_id: "vpc-1", peer_vpc_id: "vpc-2", peer_owner_id: "222222222222" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "peering with prod's account",
        resources: [
          {
            address: "aws_vpc_peering_connection.p",
            values: { vpc_id: "vpc-1", peer_vpc_id: "vpc-2", peer_owner_id: "111111111111" },
          },
        ],
        errors: [
          {
            message: "aws_vpc_peering_connection.p connects this dev plan to account 111111111111 (prod).",
            attribute: "peer_owner_id",
          },
        ],
      },
      {
        name: "a RAM share with prod's account",
        resources: [
          {
            address: "aws_ram_principal_association.share",
            values: {
              principal: "111111111111",
              resource_share_arn: "arn:aws:ram:us-east-1:222222222222:resource-share/x",
            },
          },
        ],
        errors: [
          {
            message: "aws_ram_principal_association.share connects this dev plan to account 111111111111 (prod).",
            attribute: "principal",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the peer's account from another state",
        resources: [
          {
            address: "aws_vpc_peering_connection.p",
            values: { vpc_id: "vpc-1", peer_vpc_id: "vpc-2" },
            unknown: { peer_owner_id: true },
            refs: { peer_owner_id: FROM_REMOTE_STATE("account_id") },
          },
        ],
        undecided: [{ message: "The account of peer_owner_id is known only after apply.", attribute: "peer_owner_id" }],
      },
    ],
  },
  {
    rule: awsForeignArn,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "a dev role",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.lab",
            values: { name: "lab", role_arn: "arn:aws:iam::222222222222:role/exec" },
          },
        ],
      },
      {
        name: "a prod key is PG-AWS-GOV-002's",
        resources: [{ address: "aws_ebs_volume.v", values: { size: 1, kms_key_id: PROD_KEY } }],
      },
    ],
    invalid: [
      {
        name: "a prod role",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.lab",
            values: { name: "lab", role_arn: "arn:aws:iam::111111111111:role/exec" },
          },
        ],
        errors: [
          {
            message: "aws_sagemaker_notebook_instance.lab refers to an ARN of account 111111111111 (prod).",
            attribute: "role_arn",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the role from another state",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.lab",
            values: { name: "lab" },
            unknown: { role_arn: true },
            refs: { role_arn: FROM_REMOTE_STATE("role_arn") },
          },
        ],
        undecided: [
          {
            message: "The value in role_arn comes from outside this plan and is known only after apply.",
            attribute: "role_arn",
          },
        ],
      },
    ],
  },
  {
    rule: awsRegionOutsideEnvironment,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "provider and resource in us-east-1",
        providers: { aws: { expressions: { region: { constant_value: "us-east-1" } } } },
        resources: [{ address: "aws_s3_bucket.logs", values: { bucket: "logs", region: "us-east-1" } }],
      },
    ],
    invalid: [
      {
        name: "the provider in eu-west-1 and a bucket in ap-southeast-2",
        providers: { aws: { expressions: { region: { constant_value: "eu-west-1" } } } },
        resources: [{ address: "aws_s3_bucket.logs", values: { bucket: "logs", region: "ap-southeast-2" } }],
        errors: [
          {
            message:
              'Provider "aws" uses region eu-west-1, outside dev\'s regions (us-east-1, us-central1, westeurope).',
            attribute: 'provider["aws"].region',
          },
          {
            message: "aws_s3_bucket.logs is placed in region ap-southeast-2, outside dev's regions",
            attribute: "region",
            resource: "aws_s3_bucket.logs",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the provider's region from a local value",
        providers: { aws: { expressions: { region: { references: ["local.region"] } } } },
        resources: [{ address: "aws_s3_bucket.logs", values: { bucket: "logs" }, unknown: { region: true } }],
        undecided: [
          { message: 'The region of provider "aws" is known only after apply.', attribute: 'provider["aws"].region' },
        ],
      },
    ],
  },
];
