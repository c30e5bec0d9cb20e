# METADATA
# title: Neptune cluster storage is not encrypted
# description: >-
#   Neptune graphs back knowledge graphs and GraphRAG retrieval, holding the
#   entities and relations extracted from private documents. Storage
#   encryption is off unless requested and cannot be added later.
# custom:
#   id: PG-AWS-NEPTUNE-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_neptune_cluster]
#   aliases: [CKV_AWS_44, AVD-AWS-0076]
#   remediation: Set `storage_encrypted = true` (with `kms_key_arn` for a customer-managed key); existing clusters need a snapshot restore.
package planguard.encryption.aws.neptune_cluster_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_neptune_cluster
	not lib.is_unknown(r, ["storage_encrypted"])
	not lib.is_true(r, ["storage_encrypted"])
	finding := {
		"msg": sprintf("Neptune cluster %s does not encrypt its storage.", [r.address]),
		"resource": r.address,
		"attribute": "storage_encrypted",
	}
}
