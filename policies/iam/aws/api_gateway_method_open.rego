# METADATA
# title: API Gateway method requires no authorization
# description: >-
#   A REST API method with `authorization = "NONE"` lets anyone who finds the
#   stage URL call the integration behind it: a model endpoint, a Lambda
#   function or a backend that may read data. An API key alone is not
#   authorization (API keys identify callers for usage plans). CORS
#   preflight (OPTIONS) methods are exempt. Trivy's AVD-AWS-0004, which
#   counts an API key as protection, is named on the findings of methods
#   that require none.
# custom:
#   id: PG-AWS-APIGATEWAY-103
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_api_gateway_method]
#   aliases: [CKV_AWS_59]
#   narrower: [AVD-AWS-0004]
#   remediation: >-
#     Set `authorization` to `AWS_IAM`, `COGNITO_USER_POOLS` or `CUSTOM` with an
#     `authorizer_id`, or put the API behind a private endpoint.
package planguard.iam.aws.api_gateway_method_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_api_gateway_method
	not lib.is_unknown(r, ["authorization"])
	not lib.is_unknown(r, ["http_method"])
	upper(object.get(r.after, "authorization", "")) == "NONE"
	upper(object.get(r.after, "http_method", "")) != "OPTIONS"
	finding := {
		"msg": sprintf("API Gateway method %s (%s) requires no authorization.", [r.address, r.after.http_method]),
		"resource": r.address,
		"attribute": "authorization",
		"aliases": trivy_ids(r),
	}
}

# Trivy's AVD-AWS-0004 passes a method that requires an API key, and means to
# exempt OPTIONS but compares with "OPTION", so it also fails preflight
# methods, which pass here on purpose (docs/coverage/aws-core.json says so as
# `differs`). A key known only after apply may be required: not named.
trivy_ids(r) := ["AVD-AWS-0004"] if {
	r.after.authorization == "NONE"
	not lib.is_unknown(r, ["api_key_required"])
	object.get(r.after, "api_key_required", false) != true
} else := []
