# METADATA
# title: Vertex AI endpoint is reachable from the public internet
# description: >-
#   A model endpoint or vector-search index endpoint on a public address can
#   be called from anywhere; only IAM stands between it and the internet, and
#   a leaked token is enough to query or scrape the model. A private endpoint
#   (VPC peering or Private Service Connect) is reached only from your network.
# custom:
#   id: PG-GCP-VERTEX-105
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_vertex_ai_endpoint, google_vertex_ai_index_endpoint]
#   aliases: [CKV2_GCP_34]
#   narrower: [CKV2_GCP_33]
#   remediation: >-
#     Set `network` (VPC peering) or `private_service_connect_config` on the
#     endpoint; on an index endpoint leave `public_endpoint_enabled` unset or false.
package planguard.network.gcp.vertex_endpoint_public

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_vertex_ai_index_endpoint
	lib.is_true(r, ["public_endpoint_enabled"])
	finding := {
		"msg": sprintf("Vertex AI index endpoint %s has a public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": "public_endpoint_enabled",
		"aliases": [],
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_vertex_ai_endpoint
	not lib.non_empty(object.get(r.after, "network", null))
	not lib.pending(r, ["network"])
	not private_service_connect(r)
	finding := {
		"msg": sprintf("Vertex AI endpoint %s is served on a public address (no VPC network or Private Service Connect).", [r.address]),
		"resource": r.address,
		"attribute": "network",
		# Checkov's CKV2_GCP_33 fails a model endpoint without network (it also
		# fails one served through Private Service Connect, which is private).
		"aliases": ["CKV2_GCP_33"],
	}
}

private_service_connect(r) if {
	some c in object.get(r.after, "private_service_connect_config", [])
	c.enable_private_service_connect == true
}

private_service_connect(r) if lib.unknown_within(r, ["private_service_connect_config"])
