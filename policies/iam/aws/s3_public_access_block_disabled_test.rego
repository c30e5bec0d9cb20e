package planguard.iam.aws.s3_public_access_block_disabled_test

import data.planguard.iam.aws.s3_public_access_block_disabled as policy

pab(t, after, unknown) := {t: [{
	"address": sprintf("%s.this", [t]),
	"config_address": sprintf("%s.this", [t]),
	"type": t,
	"after": after,
	"unknown_paths": unknown,
}]}

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_one_flag_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pab("aws_s3_bucket_public_access_block", {"block_public_acls": true, "block_public_policy": false, "ignore_public_acls": true, "restrict_public_buckets": true}, [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_s3_bucket_public_access_block.this"
	f.attribute == "block_public_policy"
	# Only that flag's checks would also fail the block.
	f.aliases == ["AVD-AWS-0087", "CKV2_AWS_6", "CKV_AWS_54"]
}

# CKV2_AWS_6 reads block_public_acls and block_public_policy only.
test_findings_name_each_flags_checks if {
	acls := policy.deny with data.planguard.resources_by_type as pab("aws_s3_bucket_public_access_block", object.union(all_on, {"ignore_public_acls": false}), [])
	[f.aliases | some f in acls] == [["AVD-AWS-0091", "CKV_AWS_55"]]
	left_out := policy.deny with data.planguard.resources_by_type as pab("aws_s3_bucket_public_access_block", {}, [])
	[f.aliases | some f in left_out] == [["AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093", "CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"]]
}

test_account_block_is_checked if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as pab("aws_s3_account_public_access_block", {"block_public_acls": true}, [])
	# The other tools' flag checks read bucket-level blocks only.
	account := policy.deny with data.planguard.resources_by_type as pab("aws_s3_account_public_access_block", {"block_public_acls": true}, [])
	some f in account
	f.aliases == []
}

test_all_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pab("aws_s3_bucket_public_access_block", all_on, [])
}

test_unknown_flag_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pab("aws_s3_bucket_public_access_block", {"block_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}, ["ignore_public_acls"])
}
