import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { isSet, readAttribute, readKnown } from "../../read.js";

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
  remediation:
    "Set `storage_encrypted = true` (with `kms_key_id` for a customer-managed key). Existing databases need a snapshot restore to change this.",
  check(r, { model }) {
    // An instance in an Aurora cluster inherits the cluster's storage encryption.
    if (r.type === "aws_db_instance" && isSet(readKnown(model, r, "cluster_identifier"))) return;
    const enc = readAttribute(model, r, "storage_encrypted");
    if (enc.state === "unknown")
      return unknown("Whether storage is encrypted is known only after apply.", "storage_encrypted");
    if (enc.state === "known" && enc.value === true) return;
    return fail(
      `${r.type === "aws_rds_cluster" ? "RDS cluster" : "RDS instance"} ${r.address} does not encrypt its storage.`,
      "storage_encrypted",
    );
  },
});
