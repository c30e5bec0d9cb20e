# METADATA
# title: IAM password policy does not require every character class
# description: >-
#   An account password policy that leaves out lowercase letters, uppercase
#   letters, numbers or symbols lets IAM users pick passwords from a smaller
#   alphabet, easier to guess. Each requirement defaults to false when left
#   out. One finding per policy names every class it does not require, and
#   the Checkov and Trivy checks of those classes (one check per class).
# custom:
#   id: PG-AWS-IAM-107
#   severity: low
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_account_password_policy]
#   aliases: []
#   narrower: [CKV_AWS_11, CKV_AWS_12, CKV_AWS_14, CKV_AWS_15, AVD-AWS-0058, AVD-AWS-0059, AVD-AWS-0060, AVD-AWS-0061]
#   defaults:
#     - aws_iam_account_password_policy require_lowercase_characters
#     - aws_iam_account_password_policy require_numbers
#     - aws_iam_account_password_policy require_symbols
#     - aws_iam_account_password_policy require_uppercase_characters
#   compliance:
#     - framework: CIS AWS Foundations 1.2
#       control: "1.5-1.8"
#   remediation: >-
#     Set `require_lowercase_characters`, `require_uppercase_characters`,
#     `require_numbers` and `require_symbols` to true.
package planguard.iam.aws.password_policy_character_classes

import data.planguard.lib

classes := ["require_lowercase_characters", "require_uppercase_characters", "require_numbers", "require_symbols"]

# The checks that each judge one class.
checks_of := {
	"require_lowercase_characters": ["CKV_AWS_11", "AVD-AWS-0058"],
	"require_numbers": ["CKV_AWS_12", "AVD-AWS-0059"],
	"require_symbols": ["CKV_AWS_14", "AVD-AWS-0060"],
	"require_uppercase_characters": ["CKV_AWS_15", "AVD-AWS-0061"],
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_account_password_policy
	# A requirement set to a value known only after apply is left undecided.
	missing := [c | some c in classes; v := lib.effective(r, [c]); v != true]
	count(missing) > 0
	finding := {
		"msg": sprintf("Password policy %s does not require: %s.", [r.address, concat(", ", missing)]),
		"resource": r.address,
		"attribute": missing[0],
		"aliases": sort([id | some c in missing; some id in checks_of[c]]),
	}
}
