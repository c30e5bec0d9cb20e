# METADATA
# title: Lambda permission lets anyone invoke the function
# description: >-
#   A resource-based permission with `principal = "*"` and no `source_arn`,
#   `source_account` or `principal_org_id` lets any AWS account (or, with a
#   function URL, anyone) invoke the function.
# custom:
#   id: PG-AWS-LAMBDA-102
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_lambda_permission]
#   aliases: []
#   related: [CKV_AWS_301]
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

scoped(r) if {
	some a in scoping_attributes
	v := r.after[a]
	lib.non_empty(v)
}

scoped(r) if {
	some a in scoping_attributes
	lib.is_unknown(r, [a])
}

scoped(r) if {
	some a in scoping_attributes
	lib.refers_to(r, a)
}
