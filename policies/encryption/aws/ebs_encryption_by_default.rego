# METADATA
# title: EBS encryption by default is turned off for the region
# description: >-
#   With account-level EBS encryption by default, every new volume and
#   snapshot copy (GPU node root disks, scratch volumes, checkpoints) is
#   encrypted even when its own configuration forgets to ask. Managing the
#   setting in Terraform and turning it off removes that safety net.
# custom:
#   id: PG-AWS-EBS-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ebs_encryption_by_default]
#   aliases: [CKV_AWS_106]
#   defaults:
#     - aws_ebs_encryption_by_default enabled
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "2.2.1"
#   remediation: Set `enabled = true` (the default) on `aws_ebs_encryption_by_default`.
package planguard.encryption.aws.ebs_encryption_by_default

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ebs_encryption_by_default
	not lib.is_unknown(r, ["enabled"])
	r.after.enabled == false
	finding := {
		"msg": sprintf("%s turns EBS encryption by default off for the region.", [r.address]),
		"resource": r.address,
		"attribute": "enabled",
	}
}
