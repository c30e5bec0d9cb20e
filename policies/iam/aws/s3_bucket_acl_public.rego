# METADATA
# title: S3 bucket ACL grants access to everyone
# description: >-
#   A canned ACL of `public-read`, `public-read-write` or `authenticated-read`,
#   or a grant to the AllUsers or AuthenticatedUsers groups, opens the bucket
#   to the internet (or to every AWS account): datasets and model artifacts
#   leak, and with write access anyone can plant files. Public write is
#   reported as critical.
# custom:
#   id: PG-AWS-S3-101
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_s3_bucket_acl, aws_s3_bucket]
#   aliases: [CKV_AWS_20, CKV_AWS_57, CKV2_AWS_43, AVD-AWS-0092]
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
	}
}

grant_severity(grant) := "critical" if {
	object.get(grant, "permission", "") in {"WRITE", "WRITE_ACP", "FULL_CONTROL"}
} else := "high"
