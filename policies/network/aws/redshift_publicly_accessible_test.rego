package planguard.network.aws.redshift_publicly_accessible_test

import data.planguard.network.aws.redshift_publicly_accessible as policy

res(t, after, unknown) := {t: [{
	"address": sprintf("%s.warehouse", [t]),
	"config_address": sprintf("%s.warehouse", [t]),
	"type": t,
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_cluster_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("aws_redshift_cluster", {"publicly_accessible": true}, [])
	some f in findings
	f.resource == "aws_redshift_cluster.warehouse"
	f.attribute == "publicly_accessible"
	f.aliases == ["CKV_AWS_87"]
}

# Checkov's CKV_AWS_87 does not judge Serverless workgroups.
test_public_workgroup_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("aws_redshiftserverless_workgroup", {"publicly_accessible": true}, [])
	count(findings) == 1
	some f in findings
	f.aliases == []
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("aws_redshift_cluster", {"publicly_accessible": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("aws_redshift_cluster", {}, ["publicly_accessible"])
}

# Checkov's CKV_AWS_391 fails a public cluster whose master user has a common name.
test_common_master_username_names_checkov if {
	findings := policy.deny with data.planguard.resources_by_type as res("aws_redshift_cluster", {"publicly_accessible": true, "master_username": "awsuser"}, [])
	[f.aliases | some f in findings] == [["CKV_AWS_87", "CKV_AWS_391"]]
	other := policy.deny with data.planguard.resources_by_type as res("aws_redshift_cluster", {"publicly_accessible": true, "master_username": "etl_owner"}, [])
	[f.aliases | some f in other] == [["CKV_AWS_87"]]
}

# CKV_AWS_391 fails this cluster (publicly_accessible left out was public
# before provider 5.0); the plan shows the provider's false.
test_common_master_username_shown_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("aws_redshift_cluster", {"publicly_accessible": false, "master_username": "admin"}, [])
}
