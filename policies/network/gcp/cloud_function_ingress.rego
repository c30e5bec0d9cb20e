# METADATA
# title: Cloud Function accepts requests from the whole internet
# description: >-
#   A function that serves a model or moves training data, with ingress
#   ALLOW_ALL (the default), can be called from any address; only IAM stands
#   between it and the internet. Internal ingress keeps callers inside the
#   VPC (and, with ALLOW_INTERNAL_AND_GCLB, behind a load balancer and Cloud
#   Armor).
# custom:
#   id: PG-GCP-FUNCTIONS-101
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_cloudfunctions_function, google_cloudfunctions2_function]
#   aliases: [CKV_GCP_124]
#   defaults:
#     - google_cloudfunctions_function ingress_settings
#     - google_cloudfunctions2_function service_config.ingress_settings
#   remediation: >-
#     Set `ingress_settings = "ALLOW_INTERNAL_ONLY"` (or "ALLOW_INTERNAL_AND_GCLB"
#     behind an HTTPS load balancer); for 2nd gen functions inside `service_config`.
package planguard.network.gcp.cloud_function_ingress

import data.planguard.lib

# Where each function type keeps its ingress setting.
ingress_path := {
	"google_cloudfunctions_function": ["ingress_settings"],
	"google_cloudfunctions2_function": ["service_config", 0, "ingress_settings"],
}

internal_ingress := {"ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"}

deny contains finding if {
	some type, path in ingress_path
	some r in data.planguard.resources_by_type[type]
	not lib.effective(r, path) in internal_ingress
	not lib.undecided(r, path)
	finding := {
		"msg": sprintf("Cloud Function %s accepts requests from any address on the internet.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
