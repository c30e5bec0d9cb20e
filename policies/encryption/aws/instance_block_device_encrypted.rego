# METADATA
# title: Instance block device is explicitly unencrypted
# description: >-
#   Root and data volumes of training and inference instances hold datasets,
#   checkpoints, cached credentials and container layers. A block device
#   declared with `encrypted = false` stays unencrypted unless the account
#   forces encryption by default. Devices that leave `encrypted` unset follow
#   the account default and are not reported.
# custom:
#   id: PG-AWS-EC2-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_instance, aws_launch_configuration]
#   aliases: [CKV_AWS_8, AVD-AWS-0131]
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
	some i, dev in object.get(r.after, block, [])
	dev.encrypted == false
	not lib.is_unknown(r, [block, i, "encrypted"])
	finding := {
		"msg": sprintf("%s declares an unencrypted %s.", [r.address, block]),
		"resource": r.address,
		"attribute": sprintf("%s.%v.encrypted", [block, i]),
	}
}
