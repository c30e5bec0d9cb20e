# METADATA
# title: CloudFront distribution serves viewers over plain HTTP
# description: >-
#   A cache behavior with `viewer_protocol_policy = "allow-all"` serves
#   model demos, inference APIs and downloadable artifacts over HTTP, where
#   responses and cookies can be read or altered in transit.
# custom:
#   id: PG-AWS-CLOUDFRONT-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_cloudfront_distribution]
#   aliases: [CKV_AWS_34, AVD-AWS-0012]
#   remediation: Set `viewer_protocol_policy = "redirect-to-https"` (or `"https-only"`) on the default and every ordered cache behavior.
package planguard.encryption.aws.cloudfront_viewer_https

import data.planguard.lib

behaviors := ["default_cache_behavior", "ordered_cache_behavior"]

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_cloudfront_distribution
	some block in behaviors
	some i, b in object.get(r.after, block, [])
	not lib.is_unknown(r, [block, i, "viewer_protocol_policy"])
	b.viewer_protocol_policy == "allow-all"
	finding := {
		"msg": sprintf("CloudFront distribution %s serves a cache behavior over plain HTTP.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.%v.viewer_protocol_policy", [block, i]),
	}
}
