# METADATA
# title: Glue job, crawler or dev endpoint runs without a security configuration
# description: >-
#   ETL jobs, crawlers and development endpoints that prepare training
#   data encrypt what they write (S3 output, CloudWatch logs, job
#   bookmarks) only through a Glue security configuration. Without
#   `security_configuration` they write with no encryption settings of
#   yours.
# custom:
#   id: PG-AWS-GLUE-102
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_glue_job, aws_glue_crawler, aws_glue_dev_endpoint]
#   aliases: [CKV_AWS_195]
#   remediation: >-
#     Create an `aws_glue_security_configuration` with SSE-KMS for S3,
#     CloudWatch and job bookmarks, and set `security_configuration` to
#     its name.
package planguard.encryption.aws.glue_security_configuration_attached

import data.planguard.lib

deny contains finding if {
	some t in ["aws_glue_job", "aws_glue_crawler", "aws_glue_dev_endpoint"]
	some r in data.planguard.resources_by_type[t]
	# Left out, the attribute is null in the plan.
	not lib.undecided(r, ["security_configuration"])
	not lib.refers_to(r, "security_configuration")
	not named(lib.effective(r, ["security_configuration"]))
	finding := {
		"msg": sprintf("%s %s names no security configuration.", ["Glue resource", r.address]),
		"resource": r.address,
		"attribute": "security_configuration",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
