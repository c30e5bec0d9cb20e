# METADATA
# title: IAM user console password is stored unencrypted in the Terraform state
# description: >-
#   An `aws_iam_user_login_profile` without `pgp_key` generates the user's
#   console password and keeps it in plain text in the Terraform state (and
#   in any output that exposes it). Anyone who can read the state can log in
#   as the user.
# custom:
#   id: PG-AWS-IAM-104
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_user_login_profile]
#   aliases: []
#   remediation: >-
#     Give people access through IAM Identity Center; if an IAM user needs a
#     console password, set `pgp_key` and `password_reset_required = true`.
package planguard.iam.aws.iam_user_login_profile_plaintext

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_user_login_profile
	not lib.pending(r, ["pgp_key"])
	not lib.non_empty(object.get(r.after, "pgp_key", null))
	finding := {
		"msg": sprintf("Login profile %s keeps the user's console password unencrypted in the Terraform state.", [r.address]),
		"resource": r.address,
		"attribute": "pgp_key",
	}
}
