# METADATA
# title: Instance block device is not encrypted
# description: >-
#   Root and data volumes of training and inference instances hold datasets,
#   checkpoints, cached credentials and container layers. A block device
#   declared with `encrypted = false`, or written without `encrypted` (the
#   provider's default is false), stays unencrypted unless the region has EBS
#   encryption by default on; when the same plan manages
#   aws_ebs_encryption_by_default with `enabled = true`, no device is
#   reported. A device whose block is not written out (a dynamic block, or
#   the provider's computed root device) is not judged.
# custom:
#   id: PG-AWS-EC2-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_instance, aws_launch_configuration]
#   aliases: [CKV_AWS_8, AVD-AWS-0131, AVD-AWS-0008]
#   defaults:
#     - aws_instance root_block_device.encrypted
#     - aws_instance ebs_block_device.encrypted
#     - aws_ebs_encryption_by_default enabled
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "2.2.1"
#   remediation: Set `encrypted = true` on `root_block_device` and every `ebs_block_device` (with `kms_key_id` for a customer-managed key).
package planguard.encryption.aws.instance_block_device_encrypted

import data.planguard.lib

resource_types := ["aws_instance", "aws_launch_configuration"]

device_blocks := ["root_block_device", "ebs_block_device"]

deny contains finding if {
	some t in resource_types
	some r in data.planguard.resources_by_type[t]
	some block in device_blocks
	some i, _ in object.get(r.after, block, [])
	lib.effective(r, [block, i, "encrypted"]) == false
	not ebs_encryption_by_default
	not ebs_encryption_by_default_undecided
	finding := {
		"msg": sprintf("%s declares an unencrypted %s.", [r.address, block]),
		"resource": r.address,
		"attribute": sprintf("%s.%v.encrypted", [block, i]),
	}
}

# The region's EBS encryption by default, managed in the same plan and on
# (its default when left out), encrypts every new volume whatever it says.
ebs_encryption_by_default if {
	some e in data.planguard.resources_by_type.aws_ebs_encryption_by_default
	lib.effective(e, ["enabled"]) == true
}

ebs_encryption_by_default_undecided if {
	some e in data.planguard.resources_by_type.aws_ebs_encryption_by_default
	lib.undecided(e, ["enabled"])
}
