# METADATA
# title: RDS Performance Insights data is not encrypted with a customer-managed key
# description: >-
#   Performance Insights keeps samples of the SQL the database runs, literals
#   included: the feature values, user IDs and emails in the queries. With
#   Performance Insights on and no `performance_insights_kms_key_id`, they are
#   encrypted with the AWS-managed key aws/rds, which you cannot restrict or
#   revoke.
# custom:
#   id: PG-AWS-RDS-106
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   aliases: [CKV_AWS_354, AVD-AWS-0078]
#   defaults:
#     - aws_db_instance performance_insights_kms_key_id
#     - aws_rds_cluster_instance performance_insights_kms_key_id
#   remediation: Set `performance_insights_kms_key_id` to a customer-managed KMS key.
package planguard.encryption.aws.rds_performance_insights_cmk

import data.planguard.lib

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in data.planguard.resources_by_type[t]
	r.after.performance_insights_enabled == true
	not lib.is_unknown(r, ["performance_insights_enabled"])
	# Left out, the provider's default applies: the AWS-managed key.
	not lib.undecided(r, ["performance_insights_kms_key_id"])
	not lib.refers_to(r, "performance_insights_kms_key_id")
	not named(lib.effective(r, ["performance_insights_kms_key_id"]))
	finding := {
		"msg": sprintf("%s keeps Performance Insights data without a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "performance_insights_kms_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
