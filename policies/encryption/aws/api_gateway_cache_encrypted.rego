# METADATA
# title: API Gateway method cache is not encrypted
# description: >-
#   A stage that caches responses keeps copies of what the API returned
#   (predictions, features, personal data in requests' results) in the
#   cache cluster. With caching on, cache_data_encrypted defaults to false
#   and the cached responses sit unencrypted.
# custom:
#   id: PG-AWS-APIGATEWAY-102
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_api_gateway_method_settings]
#   aliases: [CKV_AWS_308, AVD-AWS-0002]
#   defaults:
#     - aws_api_gateway_method_settings settings.caching_enabled
#     - aws_api_gateway_method_settings settings.cache_data_encrypted
#   remediation: >-
#     Set `settings { cache_data_encrypted = true }` wherever
#     `caching_enabled = true`.
package planguard.encryption.aws.api_gateway_cache_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_api_gateway_method_settings
	some i, _ in object.get(r.after, "settings", [])
	lib.effective(r, ["settings", i, "caching_enabled"]) == true
	path := ["settings", i, "cache_data_encrypted"]
	lib.effective(r, path) != true
	finding := {
		"msg": sprintf("API Gateway method settings %s cache responses without encrypting them.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
