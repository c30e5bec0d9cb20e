# METADATA
# title: Neptune cluster is not encrypted with a customer-managed key
# description: >-
#   Without `kms_key_arn` a Neptune cluster is unencrypted or uses the
#   AWS-managed key aws/rds: the graph of entities extracted from private
#   documents, and its snapshots, are then readable by any principal the
#   account lets use Neptune, with no key policy of yours in between.
# custom:
#   id: PG-AWS-NEPTUNE-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_neptune_cluster]
#   aliases: [AVD-AWS-0128]
#   defaults:
#     - aws_neptune_cluster kms_key_arn
#   remediation: >-
#     Set `storage_encrypted = true` and `kms_key_arn` to a customer-managed
#     KMS key; an existing cluster is replaced (restore it from a snapshot).
package planguard.encryption.aws.neptune_cluster_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_neptune_cluster
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply, or to a
	# reference to a key: not decided here.
	not lib.undecided(r, ["kms_key_arn"])
	not lib.refers_to(r, "kms_key_arn")
	not lib.non_empty(lib.effective(r, ["kms_key_arn"]))
	finding := {
		"msg": sprintf("Neptune cluster %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_arn",
	}
}
