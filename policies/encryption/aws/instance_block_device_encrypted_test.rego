package planguard.encryption.aws.instance_block_device_encrypted_test

import data.planguard.encryption.aws.instance_block_device_encrypted as policy

instance(after, unknown) := {"aws_instance": [{
	"address": "aws_instance.gpu[0]",
	"config_address": "aws_instance.gpu",
	"type": "aws_instance",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_root_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as instance({"root_block_device": [{"encrypted": false, "volume_size": 200}]}, [])
	some f in findings
	f.resource == "aws_instance.gpu[0]"
	f.attribute == "root_block_device.0.encrypted"
}

test_unencrypted_data_volume_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}, {"device_name": "/dev/sdg", "encrypted": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ebs_block_device.1.encrypted"
}

test_launch_configuration_is_checked if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_launch_configuration": [{
		"address": "aws_launch_configuration.workers",
		"config_address": "aws_launch_configuration.workers",
		"type": "aws_launch_configuration",
		"after": {"root_block_device": [{"encrypted": false}]},
		"unknown_paths": [],
	}]}
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": []}, [])
}

test_unset_follows_account_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({"root_block_device": [{"volume_size": 200}]}, ["root_block_device.0.encrypted"])
}
