# METADATA
# title: IAM password policy lets passwords live longer than 90 days
# description: >-
#   A max_password_age above 90 days keeps a console password valid long
#   after it may have leaked. A policy that leaves max_password_age out (0:
#   passwords never expire) is not reported: current NIST guidance
#   (SP 800-63B) advises against forced periodic changes when other controls
#   (length, MFA, breach checks) are in place; this rule only catches a
#   rotation period set longer than the CIS limit.
# custom:
#   id: PG-AWS-IAM-109
#   severity: low
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_account_password_policy]
#   aliases: [AVD-AWS-0062]
#   related: [CKV_AWS_9]
#   defaults:
#     - aws_iam_account_password_policy max_password_age
#   compliance:
#     - framework: CIS AWS Foundations 1.2
#       control: "1.11"
#   remediation: Set `max_password_age` to 90 or fewer days.
package planguard.iam.aws.password_policy_max_age

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_account_password_policy
	age := lib.effective(r, ["max_password_age"])
	is_number(age)
	age > 90
	finding := {
		"msg": sprintf("Password policy %s lets passwords live %v days (more than 90).", [r.address, age]),
		"resource": r.address,
		"attribute": "max_password_age",
	}
}
