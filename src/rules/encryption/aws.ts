import { referrersOf } from "../../plan/model.js";
import { fail, resourceRule, unknown } from "../../policy/rule.js";
import { ebsEncryptionByDefault } from "../account-settings.js";
import { isSet, readAttribute, readKnown } from "../read.js";

const CIS_AWS = "CIS AWS Foundations 3.0";

export const ebsVolumeEncrypted = resourceRule({
  id: "PG-AWS-EBS-001",
  title: "EBS volume is not encrypted",
  description:
    "An EBS volume holds training data, checkpoints or scratch space. Without encryption at rest, snapshots and detached volumes expose it to anyone who can read them.",
  severity: "high",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_ebs_volume"],
  compliance: [{ framework: CIS_AWS, control: "2.2.1" }],
  aliases: ["CKV_AWS_3", "AVD-AWS-0026"],
  defaults: ["aws_ebs_volume encrypted", "aws_ebs_encryption_by_default enabled"],
  remediation: "Set `encrypted = true` (and `kms_key_id` for a customer-managed key), or turn on EBS encryption by default for the account.",
  check(r, { model }) {
    const enc = readAttribute(model, r, "encrypted");
    if (enc.state === "unknown") return unknown("Whether the volume is encrypted is known only after apply.", "encrypted");
    if (enc.state === "known" && enc.value === true) return;
    // With encryption by default on for the region, AWS encrypts the volume whatever it says.
    const account = ebsEncryptionByDefault(model);
    if (account === "on") return;
    if (account === "unknown") return unknown("Whether EBS encryption by default is on is known only after apply.", "encrypted");
    const why = enc.state === "known" && enc.default ? " (`encrypted` is left out: the provider's default is false)" : "";
    return fail(`EBS volume ${r.address} is not encrypted at rest${why}.`, "encrypted");
  },
});

export const rdsStorageEncrypted = resourceRule({
  id: "PG-AWS-RDS-001",
  title: "RDS storage is not encrypted",
  description:
    "Databases behind ML platforms (experiment tracking, feature metadata) hold credentials and business data; their storage, backups and snapshots should be encrypted.",
  severity: "high",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  compliance: [{ framework: CIS_AWS, control: "2.3.1" }],
  aliases: ["CKV_AWS_16"],
  // Checkov's Aurora check passes restored/replicating clusters; Trivy's skips read replicas.
  related: ["CKV_AWS_96", "AVD-AWS-0080"],
  defaults: ["aws_db_instance storage_encrypted"],
  remediation: "Set `storage_encrypted = true` (with `kms_key_id` for a customer-managed key). Existing databases need a snapshot restore to change this.",
  check(r, { model }) {
    // An instance in an Aurora cluster inherits the cluster's storage encryption.
    if (r.type === "aws_db_instance" && isSet(readKnown(model, r, "cluster_identifier"))) return;
    const enc = readAttribute(model, r, "storage_encrypted");
    if (enc.state === "unknown") return unknown("Whether storage is encrypted is known only after apply.", "storage_encrypted");
    if (enc.state === "known" && enc.value === true) return;
    return fail(`${r.type === "aws_rds_cluster" ? "RDS cluster" : "RDS instance"} ${r.address} does not encrypt its storage.`, "storage_encrypted");
  },
});

export const s3BucketEncryption = resourceRule({
  id: "PG-AWS-S3-001",
  title: "S3 bucket declares no server-side encryption",
  description:
    "Since 2023 S3 applies SSE-S3 (AWS-owned keys) to new objects by default, but a bucket for datasets and model artifacts should declare its encryption, ideally SSE-KMS with a key you control, so that access to the data can be audited and revoked. The encryption may be declared inline or by a separate aws_s3_bucket_server_side_encryption_configuration resource that refers to the bucket.",
  severity: "medium",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  aliases: ["CKV_AWS_19"],
  // Trivy deprecated AVD-AWS-0088 when S3 began encrypting every bucket by default (2023).
  related: ["AVD-AWS-0088"],
  remediation:
    "Add an `aws_s3_bucket_server_side_encryption_configuration` whose `bucket` refers to this bucket, with `sse_algorithm = \"aws:kms\"` and a `kms_master_key_id`.",
  check(r, { model }) {
    if (isSet(readKnown(model, r, "server_side_encryption_configuration"))) return;
    if (referrersOf(model, r, "aws_s3_bucket_server_side_encryption_configuration", "bucket").length > 0) return;
    return fail(`S3 bucket ${r.address} declares no server-side encryption (inline or through an SSE configuration resource).`, "server_side_encryption_configuration");
  },
});

export const sageMakerNotebookKms = resourceRule({
  id: "PG-AWS-SAGEMAKER-001",
  title: "SageMaker notebook volume is not encrypted with a customer key",
  description:
    "A SageMaker notebook's ML storage volume holds notebooks, datasets and credentials cached by data scientists. Without `kms_key_id` it is encrypted with an AWS-managed key that you cannot audit or revoke.",
  severity: "medium",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_sagemaker_notebook_instance"],
  aliases: ["CKV_AWS_22"],
  remediation: "Set `kms_key_id` to a customer-managed KMS key.",
  check(r, { model }) {
    const key = readAttribute(model, r, "kms_key_id");
    // A key created in the same plan is unknown until apply, but referenced: that counts.
    if (key.state === "unknown") return key.references.length > 0 ? undefined : unknown("The KMS key is known only after apply.", "kms_key_id");
    if (key.state === "known" && isSet(key.value)) return;
    return fail(`SageMaker notebook ${r.address} has no customer-managed KMS key for its volume.`, "kms_key_id");
  },
});

export const awsEncryptionRules = [ebsVolumeEncrypted, rdsStorageEncrypted, s3BucketEncryption, sageMakerNotebookKms];
