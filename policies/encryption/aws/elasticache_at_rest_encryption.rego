# METADATA
# title: ElastiCache replication group is not encrypted at rest
# description: >-
#   Redis or Valkey replication groups used as online feature stores or
#   inference caches write snapshots and swap to disk. Without at-rest
#   encryption those backups hold features and session data in the clear.
# custom:
#   id: PG-AWS-ELASTICACHE-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_elasticache_replication_group]
#   aliases: [CKV_AWS_29, AVD-AWS-0045]
#   remediation: >-
#     Set `at_rest_encryption_enabled = true` (with `kms_key_id` for a
#     customer-managed key); the replication group is replaced.
package planguard.encryption.aws.elasticache_at_rest_encryption

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_elasticache_replication_group
	not lib.is_unknown(r, ["at_rest_encryption_enabled"])
	not enabled(r)
	finding := {
		"msg": sprintf("ElastiCache replication group %s does not encrypt data at rest.", [r.address]),
		"resource": r.address,
		"attribute": "at_rest_encryption_enabled",
	}
}

# The provider stores the flag as a boolean; older states may hold the string form.
enabled(r) if r.after.at_rest_encryption_enabled == true

enabled(r) if r.after.at_rest_encryption_enabled == "true"
