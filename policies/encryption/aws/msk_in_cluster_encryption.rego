# METADATA
# title: MSK brokers replicate to each other without encryption
# description: >-
#   With `encryption_in_transit { in_cluster = false }` the brokers of an MSK
#   cluster replicate every partition (feature streams, inference events) to
#   each other in clear. MSK encrypts this traffic by default.
# custom:
#   id: PG-AWS-MSK-103
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_msk_cluster]
#   aliases: [CKV_AWS_81]
#   remediation: Remove `in_cluster = false` (the default is true); the cluster is replaced.
package planguard.encryption.aws.msk_in_cluster_encryption

# Checkov's CKV_AWS_81 fails in_cluster = false and plaintext clients; the
# second half is PG-AWS-MSK-101, which carries the id too.

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_msk_cluster
	some i, info in object.get(r.after, "encryption_info", [])
	some j, transit in object.get(info, "encryption_in_transit", [])
	not lib.is_unknown(r, ["encryption_info", i, "encryption_in_transit", j, "in_cluster"])
	transit.in_cluster == false
	finding := {
		"msg": sprintf("MSK cluster %s replicates between brokers without encryption.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("encryption_info.%v.encryption_in_transit.%v.in_cluster", [i, j]),
	}
}
