# METADATA
# title: Secrets Manager secret is never rotated
# description: >-
#   A secret without an aws_secretsmanager_secret_rotation keeps the same
#   database password, API token or access key until someone changes it by
#   hand: a copy that leaked into a notebook, a log or a former colleague's
#   laptop stays valid. A secret in the plan is reported when no rotation
#   resource in the plan refers to it.
# custom:
#   id: PG-AWS-SECRETSMANAGER-102
#   severity: low
#   category: iam
#   providers: [aws]
#   resource_types: [aws_secretsmanager_secret]
#   aliases: [CKV2_AWS_57]
#   remediation: >-
#     Add an `aws_secretsmanager_secret_rotation` with `secret_id =
#     aws_secretsmanager_secret.<name>.id`, a rotation Lambda (or a managed
#     rotation for RDS/Redshift/DocumentDB) and `rotation_rules {
#     automatically_after_days = 30 }`.
package planguard.iam.aws.secretsmanager_secret_rotation

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_secretsmanager_secret
	count(lib.referrers_of_type(r, "aws_secretsmanager_secret_rotation")) == 0
	finding := {
		"msg": sprintf("Secret %s has no rotation configured in this plan.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
