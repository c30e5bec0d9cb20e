# METADATA
# title: IAM password policy allows passwords shorter than 14 characters
# description: >-
#   The account password policy governs every IAM user's console password.
#   Short passwords fall to guessing and credential stuffing; CIS asks for at
#   least 14 characters.
# custom:
#   id: PG-AWS-IAM-105
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_account_password_policy]
#   aliases: [CKV_AWS_10, AVD-AWS-0063]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "1.8"
#   remediation: Set `minimum_password_length = 14` or more.
package planguard.iam.aws.password_policy_min_length

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_account_password_policy
	not lib.is_unknown(r, ["minimum_password_length"])
	not long_enough(r)
	finding := {
		"msg": sprintf("Password policy %s allows passwords shorter than 14 characters.", [r.address]),
		"resource": r.address,
		"attribute": "minimum_password_length",
	}
}

long_enough(r) if {
	n := r.after.minimum_password_length
	is_number(n)
	n >= 14
}
