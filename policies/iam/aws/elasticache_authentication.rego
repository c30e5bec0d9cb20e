# METADATA
# title: ElastiCache replication group lets clients connect without authenticating
# description: >-
#   A Redis or Valkey replication group without an AUTH token or RBAC user
#   groups answers every client that reaches its port: anything with a
#   foothold in the VPC can read cached features and session data, or
#   overwrite them. Both AUTH and RBAC need transit encryption, so a group
#   with it off cannot authenticate anyone.
# custom:
#   id: PG-AWS-ELASTICACHE-103
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_elasticache_replication_group]
#   aliases: [CKV_AWS_31]
#   remediation: >-
#     Set `transit_encryption_enabled = true` and either `auth_token` (from a
#     secret, never a literal) or `user_group_ids` naming RBAC user groups.
package planguard.iam.aws.elasticache_authentication

import data.planguard.lib

# Checkov's CKV_AWS_31 also fails a group that authenticates clients with RBAC
# user groups instead of an AUTH token: that group passes here on purpose
# (docs/coverage/aws-data.json says so as `differs`).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_elasticache_replication_group
	not lib.is_unknown(r, ["transit_encryption_enabled"])
	not lib.bool_text(object.get(r.after, "transit_encryption_enabled", null)) == true
	finding := {
		"msg": sprintf("ElastiCache replication group %s cannot authenticate clients: AUTH and RBAC need transit encryption, which is off.", [r.address]),
		"resource": r.address,
		"attribute": "transit_encryption_enabled",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_elasticache_replication_group
	lib.bool_text(object.get(r.after, "transit_encryption_enabled", null)) == true
	not authenticates(r)
	not lib.any_pending(r, ["auth_token", "user_group_ids"])
	finding := {
		"msg": sprintf("ElastiCache replication group %s accepts clients without authentication: it sets neither auth_token nor user_group_ids.", [r.address]),
		"resource": r.address,
		"attribute": "auth_token",
	}
}

# A token, redacted by planguard since it is sensitive, is still a non-empty string.
authenticates(r) if lib.non_empty(object.get(r.after, "auth_token", null))

authenticates(r) if count(object.get(r.after, "user_group_ids", [])) > 0
