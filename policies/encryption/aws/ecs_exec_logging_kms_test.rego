package planguard.encryption.aws.ecs_exec_logging_kms_test

import data.planguard.encryption.aws.ecs_exec_logging_kms as policy

cluster(exec, unknown) := {"aws_ecs_cluster": [{
	"address": "aws_ecs_cluster.training",
	"config_address": "aws_ecs_cluster.training",
	"type": "aws_ecs_cluster",
	"after": {"name": "training", "configuration": [{"execute_command_configuration": [exec]}]},
	"unknown_paths": unknown,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"logging": "DEFAULT"}, [])
	some f in findings
	f.attribute == "configuration.0.execute_command_configuration.0.kms_key_id"
}

test_key_without_encrypted_log_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"logging": "OVERRIDE", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1", "log_configuration": [{"cloud_watch_log_group_name": "exec"}]}, [])
	some f in findings
	f.attribute == "configuration.0.execute_command_configuration.0.log_configuration"
}

test_key_and_encrypted_log_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"logging": "OVERRIDE", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1", "log_configuration": [{"cloud_watch_encryption_enabled": true}]}, [])
}

test_logging_none_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"logging": "NONE"}, [])
}

# No execute_command_configuration: ECS Exec is not configured here.
test_no_exec_configuration_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_ecs_cluster": [{"address": "aws_ecs_cluster.training", "type": "aws_ecs_cluster", "after": {"name": "training"}, "unknown_paths": []}]}
}

test_configuration_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["configuration.0.execute_command_configuration.0"])
}
