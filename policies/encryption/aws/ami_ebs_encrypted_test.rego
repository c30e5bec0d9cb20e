package planguard.encryption.aws.ami_ebs_encrypted_test

import data.planguard.encryption.aws.ami_ebs_encrypted as policy

ami(devices, unknown) := {"aws_ami": [{
	"address": "aws_ami.trainer",
	"type": "aws_ami",
	"after": {"name": "trainer", "ebs_block_device": devices},
	"unknown_paths": unknown,
}]}

test_unencrypted_volume_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as ami([{"device_name": "/dev/xvda", "volume_size": 100, "encrypted": false}], [])
	some f in findings
	f.attribute == "ebs_block_device.0.encrypted"
	contains(f.msg, "/dev/xvda")
}

# Left out, encrypted is false.
test_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as ami([{"device_name": "/dev/xvda", "volume_size": 100}], [])
}

test_encrypted_volume_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ami([{"device_name": "/dev/xvda", "encrypted": true}], [])
}

test_volume_from_snapshot_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ami([{"device_name": "/dev/xvda", "snapshot_id": "snap-0123"}], [])
}

test_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ami([{"device_name": "/dev/xvda"}], ["ebs_block_device.0.encrypted"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as ami([{"device_name": "/dev/xvda"}], ["ebs_block_device.0.snapshot_id"])
}
