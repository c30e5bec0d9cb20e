# METADATA
# title: ElastiCache replication group does not encrypt traffic in transit
# description: >-
#   Without TLS, every client of the cache (feature lookups at inference time,
#   session tokens, AUTH passwords) talks to it in clear text inside the VPC,
#   where anything with a foothold can read it.
# custom:
#   id: PG-AWS-ELASTICACHE-102
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_elasticache_replication_group]
#   aliases: [CKV_AWS_30, AVD-AWS-0051]
#   remediation: >-
#     Set `transit_encryption_enabled = true` (with `transit_encryption_mode =
#     "required"` once clients use TLS) and connect with TLS.
package planguard.encryption.aws.elasticache_in_transit_encryption

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_elasticache_replication_group
	not lib.is_unknown(r, ["transit_encryption_enabled"])
	not enabled(r)
	finding := {
		"msg": sprintf("ElastiCache replication group %s accepts unencrypted connections.", [r.address]),
		"resource": r.address,
		"attribute": "transit_encryption_enabled",
	}
}

enabled(r) if r.after.transit_encryption_enabled == true

enabled(r) if r.after.transit_encryption_enabled == "true"
