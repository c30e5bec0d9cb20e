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
