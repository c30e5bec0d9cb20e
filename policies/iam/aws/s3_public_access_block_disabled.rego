# METADATA
# title: S3 Block Public Access leaves a protection turned off
# description: >-
#   A public access block resource that sets any of `block_public_acls`,
#   `block_public_policy`, `ignore_public_acls` or `restrict_public_buckets`
#   to false (the provider's default when omitted) lets a later ACL or bucket
#   policy make datasets and model artifacts public. The account-level block
#   covers every bucket in the account. The other tools' checks of
#   bucket-level blocks (Checkov's CKV_AWS_53 to 56 and CKV2_AWS_6, Trivy's
#   AVD-AWS-0086, 0087, 0091 and 0093) are named on the findings they also
#   raise; a bucket with no block at all is PG-AWS-S3-002's.
# custom:
#   id: PG-AWS-S3-102
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block]
#   aliases: []
#   narrower: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV2_AWS_6, AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093]
#   defaults:
#     - aws_s3_bucket_public_access_block block_public_acls
#     - aws_s3_bucket_public_access_block block_public_policy
#     - aws_s3_bucket_public_access_block ignore_public_acls
#     - aws_s3_bucket_public_access_block restrict_public_buckets
#     - aws_s3_account_public_access_block block_public_acls
#     - aws_s3_account_public_access_block block_public_policy
#     - aws_s3_account_public_access_block ignore_public_acls
#     - aws_s3_account_public_access_block restrict_public_buckets
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "2.1.4"
#   remediation: Set all four of `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` to true.
package planguard.iam.aws.s3_public_access_block_disabled

import data.planguard.lib

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

block_types := ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"]

# The checks that fail a bucket-level block with this flag off: Checkov's
# one-flag checks, Trivy's, and Checkov's CKV2_AWS_6 (a bucket whose block
# leaves block_public_acls or block_public_policy off).
flag_checks := {
	"block_public_acls": ["CKV_AWS_53", "AVD-AWS-0086", "CKV2_AWS_6"],
	"block_public_policy": ["CKV_AWS_54", "AVD-AWS-0087", "CKV2_AWS_6"],
	"ignore_public_acls": ["CKV_AWS_55", "AVD-AWS-0091"],
	"restrict_public_buckets": ["CKV_AWS_56", "AVD-AWS-0093"],
}

deny contains finding if {
	some t in block_types
	some r in data.planguard.resources_by_type[t]
	off := [f | some f in flags; v := lib.effective(r, [f]); v != true]
	count(off) > 0
	finding := {
		"msg": sprintf("%s leaves Block Public Access off for: %s.", [r.address, concat(", ", off)]),
		"resource": r.address,
		"attribute": off[0],
		"aliases": check_ids(t, off),
	}
}

check_ids(t, off) := sort({id | some f in off; some id in flag_checks[f]}) if t == "aws_s3_bucket_public_access_block"

check_ids(t, _) := [] if t != "aws_s3_bucket_public_access_block"
