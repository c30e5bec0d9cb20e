# METADATA
# title: Lambda permission for an AWS service names no source ARN
# description: >-
#   A permission that lets a service principal (s3.amazonaws.com,
#   events.amazonaws.com, sns.amazonaws.com, ...) invoke the function without
#   source_arn lets that service invoke it on behalf of any resource, in any
#   account: any bucket's notifications or any EventBridge rule can trigger
#   the function (the confused-deputy problem).
# custom:
#   id: PG-AWS-LAMBDA-105
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_lambda_permission]
#   aliases: [AVD-AWS-0067]
#   remediation: >-
#     Set `source_arn` to the ARN of the bucket, rule, topic or API that
#     invokes the function (and `source_account` for S3).
package planguard.iam.aws.lambda_permission_source_arn

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_permission
	not lib.is_unknown(r, ["principal"])
	principal := object.get(r.after, "principal", "")
	is_string(principal)
	endswith(principal, ".amazonaws.com")
	not lib.is_unknown(r, ["source_arn"])
	not lib.refers_to(r, "source_arn")
	object.get(r.after, "source_arn", null) in {null, ""}
	finding := {
		"msg": sprintf("Lambda permission %s lets %s invoke the function for any source.", [r.address, principal]),
		"resource": r.address,
		"attribute": "source_arn",
	}
}
