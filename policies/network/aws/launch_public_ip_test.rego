package planguard.network.aws.launch_public_ip_test

import data.planguard.network.aws.launch_public_ip as policy

lc(after, unknown) := {"aws_launch_configuration": [{"address": "aws_launch_configuration.gpu", "type": "aws_launch_configuration", "after": after, "unknown_paths": unknown}]}

lt(after, unknown) := {"aws_launch_template": [{"address": "aws_launch_template.gpu", "type": "aws_launch_template", "after": after, "unknown_paths": unknown}]}

test_launch_configuration_public_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as lc({"instance_type": "p4d.24xlarge", "associate_public_ip_address": true}, [])
	some f in findings
	f.attribute == "associate_public_ip_address"
	f.aliases == ["AVD-AWS-0009"]
}

test_launch_template_public_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as lt({"network_interfaces": [{"associate_public_ip_address": "true", "subnet_id": "subnet-1"}]}, [])
	some f in findings
	f.attribute == "network_interfaces.0.associate_public_ip_address"
	# AVD-AWS-0009 reads launch configurations only; CKV_AWS_88 the first interface.
	f.aliases == ["CKV_AWS_88"]
}

# Checkov's CKV_AWS_88 does not read a second interface.
test_second_interface_does_not_name_checkov if {
	findings := policy.deny with data.planguard.resources_by_type as lt({"network_interfaces": [{"associate_public_ip_address": "false"}, {"associate_public_ip_address": "true"}]}, [])
	[[f.attribute, f.aliases] | some f in findings] == [["network_interfaces.1.associate_public_ip_address", []]]
}

test_private_launch_configuration_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lc({"associate_public_ip_address": false}, [])
}

test_private_launch_template_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lt({"network_interfaces": [{"associate_public_ip_address": "false"}]}, [])
}

# Left out, the subnet's map_public_ip_on_launch decides (PG-AWS-NET-104).
test_left_out_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lc({"instance_type": "g5.xlarge"}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as lt({"network_interfaces": [{"subnet_id": "subnet-1"}]}, [])
}

test_unknown_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lc({}, ["associate_public_ip_address"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as lt({"network_interfaces": [{}]}, ["network_interfaces.0.associate_public_ip_address"])
}
