package planguard.iam.aws.efs_access_point_root_directory_test

import data.planguard.iam.aws.efs_access_point_root_directory as policy
import data.planguard.lib.test as t

address := "aws_efs_access_point.training"

access_point(after, unknown, expressions) := {"aws_efs_access_point": [{
	"address": address,
	"config_address": address,
	"type": "aws_efs_access_point",
	"after": object.union({"file_system_id": "fs-12345678"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_file_system_root_is_denied if {
	t.assert_denied(policy.deny, address, "root_directory.0.path") with data.planguard.resources_by_type as access_point({"root_directory": [{"path": "/", "creation_info": []}]}, [], {})
}

test_subdirectory_passes if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as access_point({"root_directory": [{"path": "/teams/vision", "creation_info": []}]}, [], {})
}

# The provider computes the block: left out of the configuration it is
# unknown in the plan, and EFS exposes the root directory.
test_block_left_out_takes_the_default_and_is_denied if {
	t.assert_denied(policy.deny, address, "root_directory.0.path") with data.planguard.resources_by_type as access_point({}, ["root_directory"], {"file_system_id": {"references": ["aws_efs_file_system.data.id"]}})
}

# A block written without a path: the path is computed, "/".
test_path_left_out_takes_the_default_and_is_denied if {
	expressions := {"root_directory": [{"creation_info": [{"owner_uid": {"constant_value": 1000}}]}]}
	t.assert_denied(policy.deny, address, "root_directory.0.path") with data.planguard.resources_by_type as access_point({"root_directory": [{"creation_info": [{"owner_uid": 1000}]}]}, ["root_directory.0.path"], expressions)
}

test_path_set_but_unknown_is_not_denied if {
	expressions := {"root_directory": [{"path": {"references": ["var.team_dir"]}}]}
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as access_point({"root_directory": [{}]}, ["root_directory.0.path"], expressions)
}

# Blocks a dynamic block may write: not judged.
test_block_unknown_without_configuration_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as access_point({}, ["root_directory"], null)
}

# State, or a block the plan knows to be empty.
test_no_block_is_denied if {
	t.assert_denied(policy.deny, address, "root_directory.0.path") with data.planguard.resources_by_type as access_point({"root_directory": []}, [], {})
}
