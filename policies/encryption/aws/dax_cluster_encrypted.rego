# METADATA
# title: DAX cluster does not encrypt its cache at rest
# description: >-
#   A DynamoDB Accelerator cluster keeps a copy of the hottest items of its
#   tables (online features, user profiles) on its nodes. Encryption at rest
#   can only be chosen when the cluster is created and is off unless
#   `server_side_encryption { enabled = true }` asks for it.
# custom:
#   id: PG-AWS-DYNAMODB-102
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_dax_cluster]
#   aliases: [CKV_AWS_47, AVD-AWS-0023]
#   defaults:
#     - aws_dax_cluster server_side_encryption
#   remediation: >-
#     Set `server_side_encryption { enabled = true }`; an existing cluster is
#     replaced.
package planguard.encryption.aws.dax_cluster_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_dax_cluster
	# Left out, the block is the provider's default: no encryption.
	blocks := lib.effective(r, ["server_side_encryption"])
	not enabled_or_undecided(r, blocks)
	finding := {
		"msg": sprintf("DAX cluster %s does not encrypt its cache at rest.", [r.address]),
		"resource": r.address,
		"attribute": "server_side_encryption.enabled",
	}
}

enabled_or_undecided(_, blocks) if {
	some b in blocks
	b.enabled == true
}

enabled_or_undecided(r, blocks) if {
	some i, _ in blocks
	lib.is_unknown(r, ["server_side_encryption", i, "enabled"])
}
