package planguard.encryption.aws.ecs_efs_transit_encryption_test

import data.planguard.encryption.aws.ecs_efs_transit_encryption as policy

task(volumes, unknown) := {"aws_ecs_task_definition": [{
	"address": "aws_ecs_task_definition.trainer",
	"type": "aws_ecs_task_definition",
	"after": {"family": "trainer", "volume": volumes},
	"unknown_paths": unknown,
}]}

test_disabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as task([{"name": "datasets", "efs_volume_configuration": [{"file_system_id": "fs-1", "transit_encryption": "DISABLED"}]}], [])
	some f in findings
	f.attribute == "volume.0.efs_volume_configuration.0.transit_encryption"
	contains(f.msg, "datasets")
}

# Left out, transit_encryption is null in the plan: the provider's DISABLED.
test_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as task([{"name": "datasets", "efs_volume_configuration": [{"file_system_id": "fs-1"}]}], [])
}

# Every EFS volume is judged, not only the first.
test_second_volume_is_denied if {
	vols := [
		{"name": "a", "efs_volume_configuration": [{"transit_encryption": "ENABLED"}]},
		{"name": "b", "efs_volume_configuration": [{"transit_encryption": "DISABLED"}]},
	]
	findings := policy.deny with data.planguard.resources_by_type as task(vols, [])
	count(findings) == 1
	some f in findings
	contains(f.msg, "\"b\"")
}

test_enabled_and_non_efs_volumes_pass if {
	vols := [{"name": "a", "efs_volume_configuration": [{"transit_encryption": "ENABLED"}]}, {"name": "scratch", "host_path": "/tmp"}]
	count(policy.deny) == 0 with data.planguard.resources_by_type as task(vols, [])
}

test_unknown_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as task([{"name": "a", "efs_volume_configuration": [{}]}], ["volume.0.efs_volume_configuration.0.transit_encryption"])
}

# Trivy fails these too; they have no EFS mount to encrypt.
test_host_and_docker_volumes_pass if {
	vols := [{"name": "scratch", "host_path": "/tmp"}, {"name": "cache", "docker_volume_configuration": [{"scope": "task", "driver": "local"}]}]
	count(policy.deny) == 0 with data.planguard.resources_by_type as task(vols, [])
}
