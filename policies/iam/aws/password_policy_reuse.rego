# METADATA
# title: IAM password policy lets users reuse recent passwords
# description: >-
#   Without `password_reuse_prevention` of 24, users can cycle back to a
#   password that has already leaked. CIS asks the policy to remember the
#   last 24 passwords.
# custom:
#   id: PG-AWS-IAM-106
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_account_password_policy]
#   aliases: [CKV_AWS_13, AVD-AWS-0056]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "1.9"
#   remediation: Set `password_reuse_prevention = 24`.
package planguard.iam.aws.password_policy_reuse

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_account_password_policy
	not lib.is_unknown(r, ["password_reuse_prevention"])
	not remembers_24(r)
	finding := {
		"msg": sprintf("Password policy %s lets users reuse one of their last 24 passwords.", [r.address]),
		"resource": r.address,
		"attribute": "password_reuse_prevention",
	}
}

remembers_24(r) if {
	n := r.after.password_reuse_prevention
	is_number(n)
	n >= 24
}
