package planguard.iam.aws.db_snapshot_public_test

import data.planguard.iam.aws.db_snapshot_public as policy

snapshot(after, unknown) := {"aws_db_snapshot": [{
	"address": "aws_db_snapshot.tracking",
	"config_address": "aws_db_snapshot.tracking",
	"type": "aws_db_snapshot",
	"after": object.union({"db_instance_identifier": "mlflow", "db_snapshot_identifier": "mlflow-2026-12-01"}, after),
	"unknown_paths": unknown,
}]}

test_shared_with_all_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as snapshot({"shared_accounts": ["111122223333", "all"]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "shared_accounts"
}

test_named_accounts_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as snapshot({"shared_accounts": ["111122223333"]}, [])
}

test_left_out_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as snapshot({"shared_accounts": null}, [])
}

test_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as snapshot({}, ["shared_accounts"])
}
