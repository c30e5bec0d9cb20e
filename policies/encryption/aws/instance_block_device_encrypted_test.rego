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
	f.aliases == ["AVD-AWS-0131", "CKV_AWS_8"]
}

test_unencrypted_data_volume_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}, {"device_name": "/dev/sdg", "encrypted": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ebs_block_device.1.encrypted"
	# Checkov reads only the first EBS block, which is encrypted.
	f.aliases == ["AVD-AWS-0131"]
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

test_launch_configuration_finding_names_checkov_and_trivy_0008 if {
	some f in policy.deny with data.planguard.resources_by_type as {"aws_launch_configuration": [{
		"address": "aws_launch_configuration.workers", "config_address": "aws_launch_configuration.workers",
		"type": "aws_launch_configuration", "after": {"root_block_device": [{"encrypted": false}]}, "unknown_paths": [],
	}]}
	f.aliases == ["AVD-AWS-0008", "CKV_AWS_8"]
}

test_device_from_a_snapshot_is_not_named_by_checkov if {
	after := {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": false, "snapshot_id": "snap-0abc"}]}
	some f in policy.deny with data.planguard.resources_by_type as instance(after, [])
	f.aliases == ["AVD-AWS-0131"]
}

test_instance_from_a_template_block_is_not_named_by_trivy_on_ebs if {
	after := {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": false}]}
	refs := {"aws_instance.gpu": [{"attribute": "launch_template.0.id", "to": "aws_launch_template.nodes"}]}
	some f in policy.deny with data.planguard.resources_by_type as instance(after, [])
		with data.planguard.references as refs
	f.aliases == ["CKV_AWS_8"]
}
