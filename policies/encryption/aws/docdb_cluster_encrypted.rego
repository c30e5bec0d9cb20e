# METADATA
# title: DocumentDB cluster storage is not encrypted
# description: >-
#   DocumentDB clusters often store ML metadata, annotations and document
#   corpora. Storage encryption is off unless requested and cannot be turned
#   on for an existing cluster.
# custom:
#   id: PG-AWS-DOCDB-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_docdb_cluster]
#   aliases: [CKV_AWS_74, AVD-AWS-0021]
#   remediation: Set `storage_encrypted = true` (with `kms_key_id` for a customer-managed key); existing clusters need a snapshot restore.
package planguard.encryption.aws.docdb_cluster_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_docdb_cluster
	not lib.is_unknown(r, ["storage_encrypted"])
	not lib.is_true(r, ["storage_encrypted"])
	finding := {
		"msg": sprintf("DocumentDB cluster %s does not encrypt its storage.", [r.address]),
		"resource": r.address,
		"attribute": "storage_encrypted",
	}
}
