# METADATA
# title: Cloud Function HTTP trigger accepts plain HTTP
# description: >-
#   A 1st gen function with `https_trigger_security_level = "SECURE_OPTIONAL"`
#   answers plain-HTTP requests too, so a model's inputs and outputs, and the
#   caller's token, can cross the network unencrypted. A level left out of
#   the configuration is the API's default, SECURE_OPTIONAL.
# custom:
#   id: PG-GCP-FUNCTIONS-102
#   severity: medium
#   category: encryption
#   providers: [google]
#   resource_types: [google_cloudfunctions_function]
#   aliases: [CKV2_GCP_10]
#   defaults:
#     - google_cloudfunctions_function https_trigger_security_level
#   remediation: Set `https_trigger_security_level = "SECURE_ALWAYS"` (2nd gen functions always redirect to HTTPS).
package planguard.encryption.gcp.cloud_function_http_trigger

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_cloudfunctions_function
	lib.is_true(r, ["trigger_http"])
	lib.effective(r, ["https_trigger_security_level"]) == "SECURE_OPTIONAL"
	finding := {
		"msg": sprintf("Cloud Function %s answers plain-HTTP requests on its trigger URL.", [r.address]),
		"resource": r.address,
		"attribute": "https_trigger_security_level",
	}
}
