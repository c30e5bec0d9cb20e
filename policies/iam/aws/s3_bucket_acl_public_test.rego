package planguard.iam.aws.s3_bucket_acl_public_test

import data.planguard.iam.aws.s3_bucket_acl_public as policy

acl(after, unknown) := {"aws_s3_bucket_acl": [{
	"address": "aws_s3_bucket_acl.datasets",
	"config_address": "aws_s3_bucket_acl.datasets",
	"type": "aws_s3_bucket_acl",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_read_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as acl({"acl": "public-read"}, [])
	some f in findings
	f.resource == "aws_s3_bucket_acl.datasets"
	f.attribute == "acl"
	f.severity == "high"
}

test_public_read_write_is_critical if {
	findings := policy.deny with data.planguard.resources_by_type as acl({"acl": "public-read-write"}, [])
	some f in findings
	f.severity == "critical"
}

test_all_users_grant_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as acl({"access_control_policy": [{"grant": [
		{"grantee": [{"type": "CanonicalUser", "id": "abc"}], "permission": "FULL_CONTROL"},
		{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}], "permission": "READ"},
	]}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "access_control_policy.0.grant.1"
	f.severity == "high"
}

test_legacy_inline_acl_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_s3_bucket": [{
		"address": "aws_s3_bucket.old", "config_address": "aws_s3_bucket.old", "type": "aws_s3_bucket",
		"after": {"acl": "public-read"}, "unknown_paths": [],
	}]}
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as acl({"acl": "private"}, [])
}

test_log_delivery_grant_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as acl({"access_control_policy": [{"grant": [
		{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}], "permission": "WRITE"},
	]}]}, [])
}

test_unknown_acl_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as acl({}, ["acl"])
}

# --- Narrower checks named per finding ---------------------------------------

res(address, after, unknown) := {
	"address": address,
	"config_address": address,
	"type": split(address, ".")[0],
	"after": after,
	"unknown_paths": unknown,
}

bucket := "aws_s3_bucket.datasets"

acl_block := "aws_s3_bucket_acl.datasets"

pab := "aws_s3_bucket_public_access_block.datasets"

# The findings on a plan of `resources`, where each address in `to_bucket`
# refers to the bucket through its `bucket` attribute.
plan_findings(resources, to_bucket) := found if {
	by_type := {type: [r | some r in resources; r.type == type] | some r in resources; type := r.type}
	refs := {from: [{"attribute": "bucket", "to": bucket}] | some from in to_bucket}
	referrers := {bucket: [{"attribute": "bucket", "from": from, "from_type": split(from, ".")[0]} | some from in to_bucket]}
	found := policy.deny with data.planguard.resources_by_type as by_type
		with data.planguard.references as refs
		with data.planguard.referrers as referrers
}

aliases_at(findings, resource, attribute) := f.aliases if {
	some f in findings
	f.resource == resource
	f.attribute == attribute
}

test_legacy_bucket_acl_names_read_write_and_trivy if {
	found := plan_findings([res(bucket, {"acl": "public-read-write"}, [])], [])
	aliases_at(found, bucket, "acl") == ["AVD-AWS-0092", "CKV_AWS_20", "CKV_AWS_57"]
}

test_acl_block_of_a_bucket_names_read_and_trivy if {
	found := plan_findings([res(bucket, {"acl": null}, []), res(acl_block, {"acl": "public-read"}, ["bucket"])], [acl_block])
	aliases_at(found, acl_block, "acl") == ["AVD-AWS-0092", "CKV_AWS_20"]
}

test_acl_block_of_no_bucket_block_names_nothing if {
	found := plan_findings([res(acl_block, {"acl": "public-read"}, [])], [])
	aliases_at(found, acl_block, "acl") == []
}

test_bucket_setting_private_itself_passes_checkov if {
	# Checkov accepts the bucket's own private acl and never reads the ACL block.
	found := plan_findings([res(bucket, {"acl": "private"}, []), res(acl_block, {"acl": "public-read"}, ["bucket"])], [acl_block])
	aliases_at(found, acl_block, "acl") == ["AVD-AWS-0092"]
}

test_public_access_block_ignoring_acls_passes_trivy if {
	found := plan_findings(
		[
			res(bucket, {"acl": null}, []),
			res(acl_block, {"acl": "authenticated-read"}, ["bucket"]),
			res(pab, {"block_public_acls": false, "ignore_public_acls": true}, ["bucket"]),
		],
		[acl_block, pab],
	)
	aliases_at(found, acl_block, "acl") == ["CKV_AWS_20"]
}

test_public_access_block_known_after_apply_names_no_trivy_check if {
	found := plan_findings(
		[
			res(bucket, {"acl": null}, []),
			res(acl_block, {"acl": "public-read"}, ["bucket"]),
			res(pab, {"block_public_acls": false}, ["bucket", "ignore_public_acls"]),
		],
		[acl_block, pab],
	)
	aliases_at(found, acl_block, "acl") == ["CKV_AWS_20"]
}

test_bucket_acl_replaced_by_a_private_acl_block_names_nothing if {
	# Both tools judge the bucket by its ACL block, which is private.
	found := plan_findings([res(bucket, {"acl": "public-read"}, []), res(acl_block, {"acl": "private"}, ["bucket"])], [acl_block])
	aliases_at(found, bucket, "acl") == []
}

grants(uri, permission) := {"access_control_policy": [{"grant": [{"grantee": [{"type": "Group", "uri": uri}], "permission": permission}]}]}

test_all_users_grant_names_public_read_only if {
	after := grants("http://acs.amazonaws.com/groups/global/AllUsers", "WRITE")
	found := plan_findings([res(bucket, {"acl": null}, []), res(acl_block, after, ["bucket"])], [acl_block])
	aliases_at(found, acl_block, "access_control_policy.0.grant.0") == ["CKV_AWS_20"]
}

test_authenticated_users_grant_names_ckv2_aws_43 if {
	after := grants("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "READ")
	found := plan_findings([res(bucket, {"acl": null}, []), res(acl_block, after, ["bucket"])], [acl_block])
	aliases_at(found, acl_block, "access_control_policy.0.grant.0") == ["CKV2_AWS_43"]
}
