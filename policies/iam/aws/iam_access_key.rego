# METADATA
# title: Long-lived IAM access key is managed by Terraform
# description: >-
#   An `aws_iam_access_key` is a long-lived credential for an IAM user, the
#   kind that leaks from notebooks, CI logs and dataset scripts. Created
#   without `pgp_key`, its secret is also written in plain text to the
#   Terraform state, where everyone who can read the state can use it.
#   Inactive keys are not reported.
# custom:
#   id: PG-AWS-IAM-103
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_access_key]
#   aliases: []
#   remediation: >-
#     Use IAM roles (instance profiles, IRSA, SageMaker execution roles) or
#     IAM Identity Center instead of user keys; if a key is unavoidable, set
#     `pgp_key` so the state holds only the encrypted secret, and rotate it.
package planguard.iam.aws.iam_access_key

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_access_key
	active(r)
	plaintext_secret(r)
	finding := {
		"msg": sprintf("Access key %s is a long-lived credential whose secret is stored unencrypted in the Terraform state.", [r.address]),
		"resource": r.address,
		"attribute": "pgp_key",
		"severity": "high",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_access_key
	active(r)
	not plaintext_secret(r)
	finding := {
		"msg": sprintf("Access key %s is a long-lived credential for an IAM user.", [r.address]),
		"resource": r.address,
		"attribute": "user",
	}
}

active(r) if {
	not lib.is_unknown(r, ["status"])
	object.get(r.after, "status", "Active") != "Inactive"
}

plaintext_secret(r) if {
	not lib.pending(r, ["pgp_key"])
	not lib.non_empty(object.get(r.after, "pgp_key", null))
}
