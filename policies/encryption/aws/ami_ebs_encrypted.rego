# METADATA
# title: AMI registers an unencrypted EBS volume
# description: >-
#   An aws_ami's ebs_block_device that creates a volume (no snapshot_id)
#   without `encrypted = true` (the default is false) bakes an unencrypted
#   disk into every instance launched from the image: training images and
#   their caches end up on unencrypted volumes. Block devices restored from a
#   snapshot take the snapshot's encryption and are not judged here.
# custom:
#   id: PG-AWS-EC2-105
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ami]
#   aliases: [CKV_AWS_204]
#   remediation: >-
#     Set `encrypted = true` (and `kms_key_id`) on each `ebs_block_device` that
#     is not restored from a snapshot.
package planguard.encryption.aws.ami_ebs_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ami
	some i, device in object.get(r.after, "ebs_block_device", [])
	not lib.is_unknown(r, ["ebs_block_device", i, "snapshot_id"])
	object.get(device, "snapshot_id", null) in {null, ""}
	path := ["ebs_block_device", i, "encrypted"]
	not lib.is_unknown(r, path)
	object.get(device, "encrypted", null) != true
	finding := {
		"msg": sprintf("AMI %s registers the unencrypted EBS volume %v.", [r.address, object.get(device, "device_name", i)]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
