package planguard.iam.aws.api_gateway_stage_client_certificate_test

import data.planguard.iam.aws.api_gateway_stage_client_certificate as policy
import data.planguard.lib.test as t

rest := "aws_api_gateway_stage.prod"

ws := "aws_apigatewayv2_stage.prod"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_rest_stage_without_certificate_is_denied if {
	t.assert_denied(findings(rest, {"stage_name": "prod", "client_certificate_id": null}, []), rest, "client_certificate_id")
	t.assert_denied(findings(rest, {"stage_name": "prod", "client_certificate_id": ""}, []), rest, "client_certificate_id")
	# Left out, the attribute is null in the plan.
	t.assert_denied(findings(rest, {"stage_name": "prod"}, []), rest, "client_certificate_id")
}

test_rest_stage_with_certificate_passes if {
	t.assert_passes(findings(rest, {"client_certificate_id": "abc123"}, []), rest)
}

test_certificate_known_after_apply_is_not_judged if {
	t.assert_passes(findings(rest, {}, ["client_certificate_id"]), rest)
}

# A v2 stage with its API (protocol `protocol`), the stage referring to it.
v2(protocol, stage_after) := {
	"aws_apigatewayv2_stage": [{"address": ws, "config_address": ws, "type": "aws_apigatewayv2_stage", "after": stage_after}],
	"aws_apigatewayv2_api": [{"address": "aws_apigatewayv2_api.api", "config_address": "aws_apigatewayv2_api.api", "type": "aws_apigatewayv2_api", "after": {"protocol_type": protocol}}],
}

refs := {ws: [{"attribute": "api_id", "to": "aws_apigatewayv2_api.api"}]}

test_websocket_stage_without_certificate_is_denied if {
	deny := policy.deny with data.planguard.resources_by_type as v2("WEBSOCKET", {"client_certificate_id": null})
		with data.planguard.references as refs
	t.assert_denied(deny, ws, "client_certificate_id")
}

test_websocket_stage_with_certificate_passes if {
	deny := policy.deny with data.planguard.resources_by_type as v2("WEBSOCKET", {"client_certificate_id": "abc123"})
		with data.planguard.references as refs
	t.assert_passes(deny, ws)
}

# HTTP APIs do not support client certificates; a stage whose API is not in
# the plan cannot be told apart and is not judged.
test_http_api_stage_and_unlinked_stage_pass if {
	http := policy.deny with data.planguard.resources_by_type as v2("HTTP", {"client_certificate_id": null})
		with data.planguard.references as refs
	t.assert_passes(http, ws)
	unlinked := policy.deny with data.planguard.resources_by_type as v2("WEBSOCKET", {"client_certificate_id": null})
		with data.planguard.references as {}
	t.assert_passes(unlinked, ws)
}
