# METADATA
# title: S3 bucket ownership controls leave ACLs enabled
# description: >-
#   With object ownership `BucketOwnerPreferred` or `ObjectWriter`, bucket
#   and object ACLs still grant access, alongside the bucket policy: an
#   object uploaded with a public-read ACL, or a writer from another account
#   who keeps ownership of what it uploads, escapes the policy you review.
#   `BucketOwnerEnforced` turns ACLs off (S3's default for new buckets since
#   2023); an ownership controls resource that chooses otherwise turns them
#   back on.
# custom:
#   id: PG-AWS-S3-105
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_s3_bucket_ownership_controls]
#   aliases: [CKV2_AWS_65]
#   remediation: >-
#     Set `rule { object_ownership = "BucketOwnerEnforced" }` and grant access
#     through the bucket policy.
package planguard.iam.aws.s3_bucket_acls_enabled

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_s3_bucket_ownership_controls
	some i, rule in object.get(r.after, "rule", [])
	path := ["rule", i, "object_ownership"]
	not lib.is_unknown(r, path)
	ownership := object.get(rule, "object_ownership", null)
	ownership != "BucketOwnerEnforced"
	finding := {
		"msg": sprintf("%s keeps ACLs enabled (object ownership %v).", [r.address, ownership]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
