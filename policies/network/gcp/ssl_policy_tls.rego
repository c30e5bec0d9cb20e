# METADATA
# title: SSL policy allows TLS versions older than 1.2
# description: >-
#   An SSL policy with `min_tls_version` TLS_1_0 (the default) or TLS_1_1
#   lets HTTPS and SSL proxy load balancers in front of inference endpoints
#   negotiate deprecated protocol versions and weak ciphers.
# custom:
#   id: PG-GCP-NET-106
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_compute_ssl_policy, google_compute_region_ssl_policy]
#   aliases: [AVD-GCP-0039]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "3.9"
#   remediation: Set `min_tls_version = "TLS_1_2"` with `profile = "MODERN"` or "RESTRICTED".
package planguard.network.gcp.ssl_policy_tls

import data.planguard.lib

types := ["google_compute_ssl_policy", "google_compute_region_ssl_policy"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["min_tls_version"])
	object.get(r.after, "min_tls_version", "TLS_1_0") in {"TLS_1_0", "TLS_1_1", null}
	finding := {
		"msg": sprintf("SSL policy %s allows TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": "min_tls_version",
	}
}
