package planguard.encryption.aws.launch_template_ebs_encrypted_test

import data.planguard.encryption.aws.launch_template_ebs_encrypted as policy

lt(after, unknown) := {"aws_launch_template": [{
	"address": "aws_launch_template.gpu_nodes",
	"config_address": "aws_launch_template.gpu_nodes",
	"type": "aws_launch_template",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as lt({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": "false", "volume_size": 500}]}]}, [])
	some f in findings
	f.resource == "aws_launch_template.gpu_nodes"
	f.attribute == "block_device_mappings.0.ebs.0.encrypted"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lt({"block_device_mappings": [{"ebs": [{"encrypted": "true"}]}]}, [])
}

test_unset_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lt({"block_device_mappings": [{"ebs": [{"encrypted": ""}]}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lt({"block_device_mappings": [{"ebs": [{}]}]}, ["block_device_mappings.0.ebs.0.encrypted"])
}
