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
#   the provider's computed root device) is not judged. Checkov's and
#   Trivy's checks are named on the findings they also raise.
# custom:
#   id: PG-AWS-EC2-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_instance, aws_launch_configuration]
#   aliases: []
#   narrower: [CKV_AWS_8, AVD-AWS-0131, AVD-AWS-0008]
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
	some i, device in object.get(r.after, block, [])
	lib.effective(r, [block, i, "encrypted"]) == false
	not ebs_encryption_by_default
	not ebs_encryption_by_default_undecided
	finding := {
		"msg": sprintf("%s declares an unencrypted %s.", [r.address, block]),
		"resource": r.address,
		"attribute": sprintf("%s.%v.encrypted", [block, i]),
		"aliases": sort(array.concat(checkov_id(i, device), trivy_id(r, block))),
	}
}

# Checkov's CKV_AWS_8 reads only the first block of each kind, and passes one
# restored from a snapshot (whose encryption it cannot see).
checkov_id(i, device) := ["CKV_AWS_8"] if {
	i == 0
	not from_snapshot(device)
} else := []

from_snapshot(device) if {
	id := object.get(device, "snapshot_id", null)
	is_string(id)
	id != ""
}

# Trivy judges instances (AVD-AWS-0131) and launch configurations
# (AVD-AWS-0008) apart; an instance launched from a template of the
# configuration takes its EBS devices from the template, as Trivy reads it.
trivy_id(r, _) := ["AVD-AWS-0008"] if r.type == "aws_launch_configuration"

trivy_id(r, block) := ids if {
	r.type == "aws_instance"
	ids := [id | id := "AVD-AWS-0131"; trivy_reads_device(r, block)]
}

trivy_reads_device(_, "root_block_device") := true

trivy_reads_device(r, "ebs_block_device") if not from_template_block(r)

from_template_block(r) if {
	some ref in object.get(data.planguard.references, r.config_address, [])
	startswith(ref.attribute, "launch_template")
	regex.match(`(^|\.)aws_launch_template\.[^.]+$`, ref.to)
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
