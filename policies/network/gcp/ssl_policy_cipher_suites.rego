# METADATA
# title: SSL policy permits weak cipher suites
# description: >-
#   HTTPS and SSL proxy load balancers in front of inference endpoints
#   negotiate only what their SSL policy allows. The COMPATIBLE profile (the
#   default), MODERN with a minimum below TLS 1.2, any other profile but
#   RESTRICTED, and a CUSTOM profile listing RSA key-exchange suites
#   (TLS_RSA_WITH_*: no forward secrecy, 3DES and CBC among them) permit
#   weak cipher suites. Left out, profile is COMPATIBLE and min_tls_version
#   TLS_1_0.
# custom:
#   id: PG-GCP-NET-110
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_compute_ssl_policy, google_compute_region_ssl_policy]
#   aliases: []
#   narrower: [CKV_GCP_4]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "3.9"
#   remediation: >-
#     Set `profile = "RESTRICTED"`, or `profile = "MODERN"` with
#     `min_tls_version = "TLS_1_2"`, or a CUSTOM profile whose
#     `custom_features` list no TLS_RSA_WITH_* suite.
package planguard.network.gcp.ssl_policy_cipher_suites

import data.planguard.lib

# The RSA key-exchange suites CIS 3.9 names for CUSTOM profiles.
rsa_suites := {
	"TLS_RSA_WITH_AES_128_GCM_SHA256",
	"TLS_RSA_WITH_AES_256_GCM_SHA384",
	"TLS_RSA_WITH_AES_128_CBC_SHA",
	"TLS_RSA_WITH_AES_256_CBC_SHA",
	"TLS_RSA_WITH_3DES_EDE_CBC_SHA",
}

# Checkov's CKV_GCP_4 judges global SSL policies only.
checkov_ids := {"google_compute_ssl_policy": ["CKV_GCP_4"], "google_compute_region_ssl_policy": []}

deny contains finding if {
	some type, ids in checkov_ids
	some r in data.planguard.resources_by_type[type]
	not lib.any_pending(r, ["profile", "min_tls_version", "custom_features"])
	weakness := weak(r.after)
	finding := {
		"msg": sprintf("SSL policy %s permits weak cipher suites: %s.", [r.address, weakness]),
		"resource": r.address,
		"attribute": attribute(r.after),
		"aliases": ids,
	}
}

# The planned profile and minimum version, or the provider's defaults when left out.
profile(after) := p if {
	p := object.get(after, "profile", null)
	p != null
} else := "COMPATIBLE"

min_tls(after) := v if {
	v := object.get(after, "min_tls_version", null)
	v != null
} else := "TLS_1_0"

weak(after) := "the COMPATIBLE profile" if profile(after) == "COMPATIBLE"

else := sprintf("MODERN with a minimum of %s", [min_tls(after)]) if {
	profile(after) == "MODERN"
	min_tls(after) != "TLS_1_2"
} else := sprintf("a CUSTOM profile with %s", [concat(", ", sort(listed))]) if {
	profile(after) == "CUSTOM"
	listed := {f | some f in object.get(after, "custom_features", []); f in rsa_suites}
	count(listed) > 0
} else := sprintf("the %s profile", [profile(after)]) if {
	not profile(after) in {"RESTRICTED", "MODERN", "CUSTOM"}
}

attribute(after) := "min_tls_version" if profile(after) == "MODERN"

else := "custom_features" if profile(after) == "CUSTOM"

else := "profile"
