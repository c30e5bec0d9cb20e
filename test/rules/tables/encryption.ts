import { ebsVolumeEncrypted } from "../../../src/rules/encryption/aws/ebs-volume-encrypted.js";
import { rdsStorageEncrypted } from "../../../src/rules/encryption/aws/rds-storage-encrypted.js";
import { s3BucketEncryption } from "../../../src/rules/encryption/aws/s3-bucket-encryption.js";
import { sageMakerNotebookKms } from "../../../src/rules/encryption/aws/sagemaker-notebook-kms.js";
import type { RuleTable } from "../rule-tester.js";

/** The encryption pillar's TypeScript rules. */
export const encryptionTables: RuleTable[] = [
  {
    rule: ebsVolumeEncrypted,
    valid: [
      {
        name: "encrypted = true",
        resources: [{ address: "aws_ebs_volume.data", values: { size: 100, encrypted: true } }],
      },
      {
        name: "left out, but encryption by default is on for the account",
        resources: [
          { address: "aws_ebs_volume.data", values: { size: 100 } },
          { address: "aws_ebs_encryption_by_default.on", values: { enabled: true } },
        ],
      },
      {
        name: "attached and off, but encryption by default is on (Checkov's CKV2_AWS_2 fails it; AWS encrypts it)",
        resources: [
          { address: "aws_ebs_volume.data", values: { size: 100, encrypted: false } },
          { address: "aws_ebs_encryption_by_default.on", values: { enabled: true } },
          {
            address: "aws_volume_attachment.data",
            values: { device_name: "/dev/sdf" },
            unknown: { volume_id: true },
            refs: { volume_id: ["aws_ebs_volume.data.id", "aws_ebs_volume.data"] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "encrypted = false",
        resources: [{ address: "aws_ebs_volume.data", values: { size: 100, encrypted: false } }],
        errors: [{ message: "EBS volume aws_ebs_volume.data is not encrypted at rest.", attribute: "encrypted" }],
      },
      {
        name: "left out: the provider's default is false",
        resources: [{ address: "aws_ebs_volume.data", values: { size: 100 }, unknown: { encrypted: true } }],
        errors: [
          {
            message: "(`encrypted` is left out: the provider's default is false)",
            attribute: "encrypted",
            aliases: [],
          },
        ],
      },
      {
        name: "attached to an instance by an aws_volume_attachment (Checkov's CKV2_AWS_2 fails it too)",
        resources: [
          { address: "aws_ebs_volume.data", values: { size: 100, encrypted: false } },
          {
            address: "aws_volume_attachment.data",
            values: { device_name: "/dev/sdf" },
            unknown: { volume_id: true, instance_id: true },
            refs: {
              volume_id: ["aws_ebs_volume.data.id", "aws_ebs_volume.data"],
              instance_id: ["aws_instance.trainer.id"],
            },
          },
        ],
        errors: [
          {
            message: "EBS volume aws_ebs_volume.data is not encrypted at rest.",
            attribute: "encrypted",
            resource: "aws_ebs_volume.data",
            aliases: ["CKV2_AWS_2"],
          },
        ],
      },
    ],
    undecided: [
      {
        name: "encrypted from a variable",
        resources: [
          {
            address: "aws_ebs_volume.data",
            values: { size: 100 },
            unknown: { encrypted: true },
            refs: { encrypted: ["var.encrypt"] },
          },
        ],
        undecided: [{ message: "Whether the volume is encrypted is known only after apply.", attribute: "encrypted" }],
      },
      {
        name: "off on the volume, and encryption by default set from a variable",
        resources: [
          { address: "aws_ebs_volume.data", values: { size: 100, encrypted: false } },
          {
            address: "aws_ebs_encryption_by_default.on",
            values: {},
            unknown: { enabled: true },
            refs: { enabled: ["var.ebs_default"] },
          },
        ],
        undecided: [
          { message: "Whether EBS encryption by default is on is known only after apply.", attribute: "encrypted" },
        ],
      },
    ],
  },
  {
    rule: rdsStorageEncrypted,
    valid: [
      {
        name: "an instance with storage_encrypted = true",
        resources: [{ address: "aws_db_instance.meta", values: { engine: "postgres", storage_encrypted: true } }],
      },
      {
        name: "an Aurora instance inherits its cluster's encryption",
        resources: [
          {
            address: "aws_db_instance.reader",
            values: { engine: "aurora-postgresql", cluster_identifier: "tracking" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an instance with storage_encrypted left out (default false)",
        resources: [{ address: "aws_db_instance.meta", values: { engine: "postgres" } }],
        errors: [
          {
            message: "RDS instance aws_db_instance.meta does not encrypt its storage.",
            attribute: "storage_encrypted",
            aliases: ["CKV_AWS_16", "AVD-AWS-0080"],
          },
        ],
      },
      {
        name: "a read replica of an instance in the configuration (Trivy's AVD-AWS-0080 passes it)",
        resources: [
          { address: "aws_db_instance.primary", values: { engine: "postgres", storage_encrypted: true } },
          {
            address: "aws_db_instance.replica",
            values: { storage_encrypted: false },
            refs: { replicate_source_db: ["aws_db_instance.primary.identifier", "aws_db_instance.primary"] },
          },
        ],
        errors: [
          {
            message: "RDS instance aws_db_instance.replica does not encrypt its storage.",
            attribute: "storage_encrypted",
            resource: "aws_db_instance.replica",
            aliases: ["CKV_AWS_16"],
          },
        ],
      },
      {
        name: "a replica of a source named by a literal ARN (Trivy cannot resolve it, so fails it too)",
        resources: [
          {
            address: "aws_db_instance.replica",
            values: {
              storage_encrypted: false,
              replicate_source_db: "arn:aws:rds:us-east-1:123456789012:db:tracking",
            },
          },
        ],
        errors: [
          {
            message: "RDS instance aws_db_instance.replica does not encrypt its storage.",
            attribute: "storage_encrypted",
            aliases: ["CKV_AWS_16", "AVD-AWS-0080"],
          },
        ],
      },
      {
        name: "a cluster with storage_encrypted = false",
        resources: [
          { address: "aws_rds_cluster.tracking", values: { engine: "aurora-postgresql", storage_encrypted: false } },
        ],
        errors: [
          {
            message: "RDS cluster aws_rds_cluster.tracking does not encrypt its storage.",
            attribute: "storage_encrypted",
            aliases: ["CKV_AWS_96"],
          },
        ],
      },
      {
        name: "a Serverless v1 cluster with storage_encrypted = false (Checkov's CKV_AWS_96 passes every one)",
        resources: [
          {
            address: "aws_rds_cluster.tracking",
            values: { engine: "aurora-postgresql", engine_mode: "serverless", storage_encrypted: false },
          },
        ],
        errors: [
          {
            message: "RDS cluster aws_rds_cluster.tracking does not encrypt its storage.",
            attribute: "storage_encrypted",
            aliases: [],
          },
        ],
      },
    ],
    undecided: [
      {
        name: "storage_encrypted from a variable",
        resources: [
          {
            address: "aws_rds_cluster.tracking",
            values: { engine: "aurora-postgresql" },
            unknown: { storage_encrypted: true },
            refs: { storage_encrypted: ["var.encrypted"] },
          },
        ],
        undecided: [
          { message: "Whether storage is encrypted is known only after apply.", attribute: "storage_encrypted" },
        ],
      },
    ],
  },
  {
    rule: s3BucketEncryption,
    valid: [
      {
        name: "inline server_side_encryption_configuration",
        resources: [
          {
            address: "aws_s3_bucket.datasets",
            values: {
              bucket: "ml-datasets",
              server_side_encryption_configuration: [
                { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: "aws:kms" }] }] },
              ],
            },
          },
        ],
      },
      {
        name: "an SSE configuration resource that names the bucket",
        resources: [
          { address: "aws_s3_bucket.datasets", values: { bucket: "ml-datasets" } },
          {
            address: "aws_s3_bucket_server_side_encryption_configuration.datasets",
            values: { bucket: "ml-datasets" },
            refs: { bucket: ["aws_s3_bucket.datasets.id", "aws_s3_bucket.datasets"] },
          },
        ],
      },
      {
        name: "dual-layer SSE-KMS declared (Checkov's CKV_AWS_19 fails it: it accepts only AES256 and aws:kms)",
        resources: [
          { address: "aws_s3_bucket.datasets", values: { bucket: "ml-datasets" } },
          {
            address: "aws_s3_bucket_server_side_encryption_configuration.datasets",
            values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: "aws:kms:dsse" }] }] },
            unknown: { bucket: true },
            refs: { bucket: ["aws_s3_bucket.datasets.id", "aws_s3_bucket.datasets"] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "no encryption declared anywhere (CKV_AWS_19 passes it: S3 applies SSE-S3, so the finding does not name it)",
        resources: [{ address: "aws_s3_bucket.datasets", values: { bucket: "ml-datasets" } }],
        errors: [
          {
            message: "S3 bucket aws_s3_bucket.datasets declares no server-side encryption",
            attribute: "server_side_encryption_configuration",
            aliases: [],
          },
        ],
      },
      {
        name: "the provider computes the inline block (known after apply): that declares nothing",
        resources: [
          {
            address: "aws_s3_bucket.datasets",
            values: { bucket: "ml-datasets" },
            unknown: { server_side_encryption_configuration: true },
          },
        ],
        errors: [
          {
            message: "declares no server-side encryption (inline or through an SSE configuration resource).",
            attribute: "server_side_encryption_configuration",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the SSE configuration resource's bucket is known only after apply, but refers to this bucket",
        resources: [
          { address: "aws_s3_bucket.datasets", values: {}, unknown: { bucket: true, id: true } },
          {
            address: "aws_s3_bucket_server_side_encryption_configuration.datasets",
            values: {},
            unknown: { bucket: true },
            refs: { bucket: ["aws_s3_bucket.datasets.id", "aws_s3_bucket.datasets"] },
          },
        ],
        undecided: [],
        silentBecause: "the reference to the bucket decides, whatever its name turns out to be",
      },
    ],
  },
  {
    rule: sageMakerNotebookKms,
    valid: [
      {
        name: "a key ARN",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.nb",
            values: { instance_type: "ml.t3.medium", kms_key_id: "arn:aws:kms:us-east-1:222222222222:key/1" },
          },
        ],
      },
      {
        name: "a key created in the same plan (unknown, but referenced)",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.nb",
            values: { instance_type: "ml.t3.medium" },
            unknown: { kms_key_id: true },
            refs: { kms_key_id: ["aws_kms_key.nb.arn", "aws_kms_key.nb"] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "no kms_key_id",
        resources: [{ address: "aws_sagemaker_notebook_instance.nb", values: { instance_type: "ml.t3.medium" } }],
        errors: [
          {
            message: "SageMaker notebook aws_sagemaker_notebook_instance.nb has no customer-managed KMS key",
            attribute: "kms_key_id",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "kms_key_id unknown, from nothing in the plan",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.nb",
            values: { instance_type: "ml.t3.medium" },
            unknown: { kms_key_id: true },
          },
        ],
        undecided: [{ message: "The KMS key is known only after apply.", attribute: "kms_key_id" }],
      },
    ],
  },
];
