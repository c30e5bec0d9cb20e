# METADATA
# title: API Gateway stage does not present a client certificate to its backend
# description: >-
#   Without a client certificate the backend an API Gateway stage calls (a
#   model server on EC2 or behind a load balancer) cannot tell API Gateway's
#   requests from anyone else's that reach it: whoever finds the backend's
#   address skips the API's authorizers, throttling and WAF. A REST API stage
#   names its certificate in `client_certificate_id`; of HTTP API (v2)
#   stages only WebSocket APIs' support one, so a v2 stage is judged when it
#   refers to an aws_apigatewayv2_api of protocol WEBSOCKET.
# custom:
#   id: PG-AWS-APIGATEWAY-104
#   severity: low
#   category: iam
#   providers: [aws]
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   aliases: [CKV2_AWS_51]
#   remediation: >-
#     Create an `aws_api_gateway_client_certificate` and set
#     `client_certificate_id = aws_api_gateway_client_certificate.<name>.id` on
#     the stage; have the backend verify it.
package planguard.iam.aws.api_gateway_stage_client_certificate

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_api_gateway_stage
	without_certificate(r)
	finding := {
		"msg": sprintf("API Gateway stage %s presents no client certificate to its backend.", [r.address]),
		"resource": r.address,
		"attribute": "client_certificate_id",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_apigatewayv2_stage
	websocket_api(r)
	without_certificate(r)
	finding := {
		"msg": sprintf("WebSocket API stage %s presents no client certificate to its backend.", [r.address]),
		"resource": r.address,
		"attribute": "client_certificate_id",
	}
}

without_certificate(r) if {
	not lib.pending(r, ["client_certificate_id"])
	not lib.non_empty(object.get(r.after, "client_certificate_id", null))
}

# The stage's api_id refers to an aws_apigatewayv2_api block whose planned
# protocol is WEBSOCKET.
websocket_api(r) if {
	some ref in object.get(data.planguard.references, r.config_address, [])
	ref.attribute == "api_id"
	some api in object.get(data.planguard.resources_by_type, "aws_apigatewayv2_api", [])
	api.config_address == ref.to
	object.get(api.after, "protocol_type", null) == "WEBSOCKET"
}
