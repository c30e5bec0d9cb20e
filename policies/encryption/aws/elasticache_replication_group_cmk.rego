# METADATA
# title: ElastiCache replication group is not encrypted with a customer-managed key
# description: >-
#   Without `kms_key_id`, a replication group encrypted at rest uses the
#   AWS-managed key, which every principal allowed to use ElastiCache in the
#   account can use and which cannot be restricted, audited per cache or
#   revoked. Cached features, embeddings and sessions, and the snapshots
#   taken of them, are then only as protected as that shared key.
# custom:
#   id: PG-AWS-ELASTICACHE-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_elasticache_replication_group]
#   aliases: [CKV_AWS_191]
#   defaults:
#     - aws_elasticache_replication_group kms_key_id
#   remediation: >-
#     Set `at_rest_encryption_enabled = true` and `kms_key_id` to a
#     customer-managed KMS key (the group is replaced).
package planguard.encryption.aws.elasticache_replication_group_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_elasticache_replication_group
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not lib.non_empty(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("ElastiCache replication group %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
