# METADATA
# title: Lambda function URL requires no authentication
# description: >-
#   A function URL with `authorization_type = "NONE"` can be invoked by anyone
#   on the internet who finds it. Model inference and data-processing
#   functions exposed this way run (and bill) for every caller and may return
#   private data.
# custom:
#   id: PG-AWS-LAMBDA-101
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_lambda_function_url]
#   aliases: [CKV_AWS_258]
#   remediation: >-
#     Set `authorization_type = "AWS_IAM"` and sign requests with SigV4, or put
#     the function behind API Gateway with an authorizer.
package planguard.iam.aws.lambda_function_url_public

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_function_url
	not lib.is_unknown(r, ["authorization_type"])
	r.after.authorization_type == "NONE"
	finding := {
		"msg": sprintf("Lambda function URL %s can be invoked by anyone without authentication.", [r.address]),
		"resource": r.address,
		"attribute": "authorization_type",
	}
}
