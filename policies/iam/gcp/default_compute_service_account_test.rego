package planguard.iam.gcp.default_compute_service_account_test

import data.planguard.iam.gcp.default_compute_service_account as policy

vm(sa, unknown) := {"google_compute_instance": [{
	"address": "google_compute_instance.notebook",
	"config_address": "google_compute_instance.notebook",
	"type": "google_compute_instance",
	"after": {"service_account": [sa]},
	"unknown_paths": unknown,
}]}

test_default_account_with_full_scope_is_high if {
	findings := policy.deny with data.planguard.resources_by_type as vm({"email": "123456789012-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}, [])
	some f in findings
	f.severity == "high"
	f.attribute == "service_account.0.email"
}

test_default_account_with_narrow_scopes_is_medium if {
	findings := policy.deny with data.planguard.resources_by_type as vm({"email": "default", "scopes": ["https://www.googleapis.com/auth/devstorage.read_only"]}, [])
	some f in findings
	f.severity == "medium"
}

test_dedicated_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm({"email": "trainer@p.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}, [])
}

test_unknown_email_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm({"scopes": ["cloud-platform"]}, ["service_account.0.email"])
}

full := "https://www.googleapis.com/auth/cloud-platform"

aliases_of(type, name, sa) := found if {
	resources := {type: [{
		"address": sprintf("%s.vm", [type]), "config_address": sprintf("%s.vm", [type]), "type": type,
		"after": {"name": name, "service_account": [sa]}, "unknown_paths": [],
	}]}
	found := {f.aliases | some f in policy.deny} with data.planguard.resources_by_type as resources
}

# Trivy's AVD-GCP-0044: a VM on an account ending in -compute@; Checkov's CKV_GCP_31: a VM not
# named gke-*, PROJECT_NUMBER-compute@ and the cloud-platform scope. Templates name neither.
test_checkov_full_access_id_only_where_checkov_fails if {
	aliases_of("google_compute_instance", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": [full]}) == {["AVD-GCP-0044", "CKV_GCP_31"]}
	aliases_of("google_compute_instance", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/devstorage.read_only"]}) == {["AVD-GCP-0044"]}
	aliases_of("google_compute_instance", "nb", {"email": "default", "scopes": [full]}) == {[]}
	aliases_of("google_compute_instance", "gke-pool-1", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": [full]}) == {["AVD-GCP-0044"]}
	aliases_of("google_compute_instance_template", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": [full]}) == {[]}
}
