# METADATA
# title: MSK cluster is not encrypted at rest with a customer-managed key
# description: >-
#   MSK always encrypts broker storage, but without
#   `encryption_info.encryption_at_rest_kms_key_arn` it uses the AWS-managed
#   key aws/kafka: the retained topics (feature streams, inference events)
#   are then readable by any principal the account lets use MSK, and no key
#   policy of yours can narrow or audit that.
# custom:
#   id: PG-AWS-MSK-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_msk_cluster]
#   aliases: [AVD-AWS-0179]
#   defaults:
#     - aws_msk_cluster encryption_info.encryption_at_rest_kms_key_arn
#   remediation: >-
#     Add `encryption_info { encryption_at_rest_kms_key_arn = aws_kms_key.<name>.arn }`
#     with a customer-managed KMS key; the cluster is replaced.
package planguard.encryption.aws.msk_at_rest_cmk

import data.planguard.lib

key_attribute := "encryption_info.encryption_at_rest_kms_key_arn"

# No encryption_info block at all (and none to come): the AWS-managed key.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_msk_cluster
	object.get(r.after, "encryption_info", null) in {null, []}
	not lib.is_unknown(r, ["encryption_info"])
	finding := aws_managed_key(r, "encryption_info")
}

# A block that leaves the key out (the provider computes it: the default).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_msk_cluster
	some i, _ in object.get(r.after, "encryption_info", [])
	path := ["encryption_info", i, "encryption_at_rest_kms_key_arn"]
	not lib.non_empty(lib.effective(r, path))
	not lib.undecided(r, path)
	not lib.refers_to(r, key_attribute)
	finding := aws_managed_key(r, lib.path_text(path))
}

aws_managed_key(r, attribute) := {
	"msg": sprintf("MSK cluster %s encrypts its storage with the AWS-managed key, not a customer-managed KMS key.", [r.address]),
	"resource": r.address,
	"attribute": attribute,
}
