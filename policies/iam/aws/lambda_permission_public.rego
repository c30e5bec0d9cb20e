# METADATA
# title: Lambda permission lets anyone invoke the function
# description: >-
#   A resource-based permission with `principal = "*"` lets any AWS account
#   (or, with a function URL, anyone) invoke the function, unless it binds the
#   caller: Lambda turns `source_account` and `principal_org_id` into
#   StringEquals conditions on aws:SourceAccount and aws:PrincipalOrgID, and
#   `source_arn` into ArnLike on aws:SourceArn, which binds the caller only
#   when the ARN names one account (or, for S3, one bucket):
#   `arn:aws:execute-api:us-east-1:*:api/*` admits every account's API.
# custom:
#   id: PG-AWS-LAMBDA-102
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_lambda_permission]
#   aliases: [CKV_AWS_301]
#   remediation: >-
#     Name the calling service or account in `principal`, and bind it to the
#     caller with `source_arn` / `source_account` or `principal_org_id`.
package planguard.iam.aws.lambda_permission_public

import data.planguard.lib

scoping_attributes := ["source_arn", "source_account", "principal_org_id"]

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_permission
	not lib.is_unknown(r, ["principal"])
	r.after.principal == "*"
	not scoped(r)
	finding := {
		"msg": sprintf("Lambda permission %s lets any principal invoke the function.", [r.address]),
		"resource": r.address,
		"attribute": "principal",
	}
}

# Compared with StringEquals: any value names one account or organization.
scoped(r) if {
	some a in ["source_account", "principal_org_id"]
	lib.non_empty(r.after[a])
}

scoped(r) if arn_names_one_owner(r.after.source_arn)

# Known only after apply (a reference to a resource being created): not decided, never a finding.
scoped(r) if {
	some a in scoping_attributes
	lib.is_unknown(r, [a])
}

# arn:partition:service:region:account:resource, with the account written
# without wildcards.
arn_names_one_owner(arn) if {
	parts := arn_parts(arn)
	not wildcard(parts[1])
	not wildcard(parts[2])
	parts[4] != ""
	not wildcard(parts[4])
}

# S3 ARNs have no account: one bucket, named without wildcards.
arn_names_one_owner(arn) if {
	parts := arn_parts(arn)
	lower(parts[2]) == "s3"
	parts[4] == ""
	bucket := split(concat(":", array.slice(parts, 5, count(parts))), "/")[0]
	bucket != ""
	not wildcard(bucket)
}

arn_parts(arn) := parts if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) >= 6
	lower(parts[0]) == "arn"
}

wildcard(s) if contains(s, "*")

wildcard(s) if contains(s, "?")
