# METADATA
# title: API Gateway custom domain allows TLS 1.0
# description: >-
#   Model-serving APIs published through an API Gateway custom domain with
#   `security_policy = "TLS_1_0"` still negotiate TLS 1.0 and 1.1 with
#   clients.
# custom:
#   id: PG-AWS-APIGATEWAY-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_api_gateway_domain_name]
#   aliases: [CKV_AWS_206, AVD-AWS-0005]
#   remediation: Set `security_policy = "TLS_1_2"` (or a newer enhanced policy).
package planguard.encryption.aws.api_gateway_domain_tls

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_api_gateway_domain_name
	not lib.is_unknown(r, ["security_policy"])
	r.after.security_policy == "TLS_1_0"
	finding := {
		"msg": sprintf("API Gateway domain %s accepts TLS 1.0 connections.", [r.address]),
		"resource": r.address,
		"attribute": "security_policy",
	}
}
