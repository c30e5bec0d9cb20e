# METADATA
# title: Redshift cluster is not encrypted at rest
# description: >-
#   A Redshift warehouse behind an ML platform holds training sets and
#   analytics exports. Unencrypted, its blocks, snapshots and backups expose
#   them to anyone who can restore or share a snapshot.
# custom:
#   id: PG-AWS-REDSHIFT-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_redshift_cluster]
#   aliases: [CKV_AWS_64]
#   remediation: Set `encrypted = true`, with `kms_key_id` for a customer-managed key.
package planguard.encryption.aws.redshift_cluster_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_cluster
	not lib.is_unknown(r, ["encrypted"])
	not encrypted(r)
	finding := {
		"msg": sprintf("Redshift cluster %s is not encrypted at rest.", [r.address]),
		"resource": r.address,
		"attribute": "encrypted",
	}
}

encrypted(r) if r.after.encrypted == true

# Provider versions before 6 typed the attribute as a string.
encrypted(r) if r.after.encrypted == "true"
