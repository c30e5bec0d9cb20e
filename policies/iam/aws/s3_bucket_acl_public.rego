# METADATA
# title: S3 bucket ACL grants access to everyone
# description: >-
#   A canned ACL of `public-read`, `public-read-write` or `authenticated-read`,
#   or a grant to the AllUsers or AuthenticatedUsers groups, opens the bucket
#   to the internet (or to every AWS account): datasets and model artifacts
#   leak, and with write access anyone can plant files. Public write is
#   reported as critical. Checkov's and Trivy's narrower checks (public read,
#   public write, all authenticated users, canned ACLs not blocked by a
#   public access block) are named on the findings they also raise.
# custom:
#   id: PG-AWS-S3-101
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_s3_bucket_acl, aws_s3_bucket]
#   aliases: []
#   narrower: [CKV_AWS_20, CKV_AWS_57, CKV2_AWS_43, AVD-AWS-0092]
#   remediation: >-
#     Use `acl = "private"` (better: `aws_s3_bucket_ownership_controls` with
#     `BucketOwnerEnforced`, which disables ACLs) and grant access through
#     bucket policies naming specific principals.
package planguard.iam.aws.s3_bucket_acl_public

import data.planguard.lib

public_canned := {"public-read": "high", "authenticated-read": "high", "public-read-write": "critical"}

group_uris := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

acl_types := ["aws_s3_bucket_acl", "aws_s3_bucket"]

deny contains finding if {
	some t in acl_types
	some r in data.planguard.resources_by_type[t]
	acl := object.get(r.after, "acl", null)
	severity := public_canned[acl]
	not lib.is_unknown(r, ["acl"])
	finding := {
		"msg": sprintf("%s uses a canned ACL that opens the bucket to everyone.", [r.address]),
		"resource": r.address,
		"attribute": "acl",
		"severity": severity,
		"aliases": canned_aliases(r, acl),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_s3_bucket_acl
	some i, acp in object.get(r.after, "access_control_policy", [])
	some j, grant in object.get(acp, "grant", [])
	some grantee in object.get(grant, "grantee", [])
	object.get(grantee, "uri", "") in group_uris
	finding := {
		"msg": sprintf("%s grants bucket access to a global group (all users or all AWS accounts).", [r.address]),
		"resource": r.address,
		"attribute": sprintf("access_control_policy.%v.grant.%v", [i, j]),
		"severity": grant_severity(grant),
		"aliases": grant_aliases(r, grantee.uri),
	}
}

grant_severity(grant) := "critical" if {
	object.get(grant, "permission", "") in {"WRITE", "WRITE_ACP", "FULL_CONTROL"}
} else := "high"

# --- The narrower checks, read from their code -------------------------------
#
# Checkov's CKV_AWS_20 and CKV_AWS_57 judge an aws_s3_bucket, through the
# aws_s3_bucket_acl blocks that refer to it: the bucket passes when its own
# `acl` is set to a value they accept, or when an ACL block of it sets such
# a value (CKV_AWS_20 also accepts an access_control_policy granting nothing
# to AllUsers); a bucket with neither passes. CKV_AWS_20 fails public-read,
# public-read-write, authenticated-read and "website", and AllUsers grants;
# CKV_AWS_57 fails public-read-write (its stored version reads no grants).
# CKV2_AWS_43 fails an aws_s3_bucket_acl granting anything to
# AuthenticatedUsers. Trivy's AVD-AWS-0092 reads a bucket's canned ACL (an
# ACL block referring to the bucket replaces the bucket's own) and fails it
# unless a public access block of the bucket sets block_public_acls or
# ignore_public_acls; it reads no grants, and an ACL block referring to no
# bucket block of the configuration has no bucket to judge.

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

authenticated_users := "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"

checkov_read_failing := {"public-read", "public-read-write", "authenticated-read", "website"}

canned_aliases(r, acl) := sort(array.concat(array.concat(read_id(r), write_id(r, acl)), trivy_id(r)))

read_id(r) := ["CKV_AWS_20"] if checkov_fails_some(judged_buckets(r), "read") else := []

write_id(r, acl) := ["CKV_AWS_57"] if {
	acl == "public-read-write"
	checkov_fails_some(judged_buckets(r), "write")
} else := []

trivy_id(r) := ["AVD-AWS-0092"] if trivy_fails(r) else := []

grant_aliases(r, uri) := ["CKV_AWS_20"] if {
	uri == all_users
	checkov_fails_some(judged_buckets(r), "read")
} else := ["CKV2_AWS_43"] if {
	uri == authenticated_users
} else := []

# The buckets Checkov judges for this finding: the bucket itself, or the
# bucket blocks an ACL block's `bucket` refers to.
judged_buckets(r) := [r] if r.type == "aws_s3_bucket"

judged_buckets(r) := buckets_of_acl(r) if r.type == "aws_s3_bucket_acl"

buckets_of_acl(r) := [b |
	some ref in object.get(data.planguard.references, r.config_address, [])
	lib.covers("bucket", ref.attribute)
	some b in object.get(by_config_address("aws_s3_bucket"), ref.to, set())
]

# The blocks of `type` whose `bucket` refers to bucket b.
bucket_referrers(b, type) := [x |
	some ref in object.get(data.planguard.referrers, b.config_address, [])
	ref.from_type == type
	lib.covers("bucket", ref.attribute)
	some x in object.get(by_config_address(type), ref.from, set())
]

by_config_address(type) := {address: {r |
	some r in data.planguard.resources_by_type[type]
	r.config_address == address
} |
	some x in object.get(data.planguard.resources_by_type, type, [])
	address := x.config_address
}

checkov_fails_some(buckets, mode) if {
	some b in buckets
	checkov_fails(b, mode)
}

checkov_fails(b, mode) if {
	not lib.is_unknown(b, ["acl"])
	not checkov_accepts_value(object.get(b.after, "acl", null), mode)
	acls := bucket_referrers(b, "aws_s3_bucket_acl")
	not some_acl_block_passes(acls, mode)
	not unset_without_acl_blocks(b, acls)
}

some_acl_block_passes(acls, mode) if {
	some a in acls
	acl_block_passes(a, mode)
}

# A block whose values are known only after apply may pass: Checkov's verdict
# cannot be told, so the finding does not name it.
acl_block_passes(a, _) if lib.is_unknown(a, ["acl"])

acl_block_passes(a, _) if lib.is_unknown(a, ["access_control_policy"])

acl_block_passes(a, mode) if checkov_accepts_value(object.get(a.after, "acl", null), mode)

acl_block_passes(a, "read") if {
	some acp in object.get(a.after, "access_control_policy", [])
	not some_grant_to(acp, all_users)
}

some_grant_to(acp, uri) if {
	some grant in object.get(acp, "grant", [])
	some grantee in object.get(grant, "grantee", [])
	object.get(grantee, "uri", "") == uri
}

checkov_accepts_value(v, "read") if {
	is_string(v)
	not v in checkov_read_failing
}

checkov_accepts_value(v, "write") if {
	is_string(v)
	v != "public-read-write"
}

unset_without_acl_blocks(b, acls) if {
	not is_string(object.get(b.after, "acl", null))
	count(acls) == 0
}

# Trivy: the canned ACL it reads for a bucket is this finding's, and no
# public access block of the bucket blocks or ignores public ACLs (nor may,
# while its flags are known only after apply).
trivy_fails(r) if {
	r.type == "aws_s3_bucket"
	count(bucket_referrers(r, "aws_s3_bucket_acl")) == 0
	not acls_may_be_blocked(r)
}

trivy_fails(r) if {
	r.type == "aws_s3_bucket_acl"
	some b in buckets_of_acl(r)
	not acls_may_be_blocked(b)
}

acls_may_be_blocked(b) if {
	some block in bucket_referrers(b, "aws_s3_bucket_public_access_block")
	some flag in ["block_public_acls", "ignore_public_acls"]
	may_be_true(block, flag)
}

may_be_true(block, flag) if lib.is_true(block, [flag])

may_be_true(block, flag) if lib.is_unknown(block, [flag])
