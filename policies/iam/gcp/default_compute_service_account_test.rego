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
	aliases_of("google_compute_instance", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": [full]}) == {["AVD-GCP-0044", "CKV_GCP_30", "CKV_GCP_31"]}
	aliases_of("google_compute_instance", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/devstorage.read_only"]}) == {["AVD-GCP-0044", "CKV_GCP_30"]}
	aliases_of("google_compute_instance", "nb", {"email": "default", "scopes": [full]}) == {[]}
	aliases_of("google_compute_instance", "gke-pool-1", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": [full]}) == {["AVD-GCP-0044"]}
	aliases_of("google_compute_instance_template", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": [full]}) == {[]}
}

written_vm(name, sa, after_unknown, sa_expressions) := {"google_compute_instance": [{
	"address": "google_compute_instance.notebook",
	"config_address": "google_compute_instance.notebook",
	"type": "google_compute_instance",
	"after": {"name": name, "service_account": [sa]},
	"after_unknown": after_unknown,
	"expressions": {"name": {"constant_value": name}, "service_account": [sa_expressions]},
}]}

# A service_account block that leaves email out runs as the default account: the
# plan shows the email as known after apply, the configuration does not set it.
test_email_left_out_is_the_default_account if {
	resources := written_vm("nb", {"scopes": [full]}, {"service_account": [{"email": true}]}, {"scopes": {"constant_value": ["cloud-platform"]}})
	some f in policy.deny with data.planguard.resources_by_type as resources
	f.attribute == "service_account.0.email"
	f.severity == "high"
	f.aliases == ["CKV_GCP_30"]
}

# An email the configuration takes from another resource is decided at apply: not judged.
test_email_from_a_reference_is_not_judged if {
	resources := written_vm("nb", {"scopes": [full]}, {"service_account": [{"email": true}]}, {"email": {"references": ["google_service_account.nb.email", "google_service_account.nb"]}})
	count(policy.deny) == 0 with data.planguard.resources_by_type as resources
}

# Checkov's CKV_GCP_30 also fails a VM without a service_account block (it runs with no
# account and no credentials) and passes "default" written out and gke-* VMs.
test_checkov_default_id_where_checkov_fails if {
	aliases_of("google_compute_instance", "nb", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": []}) == {["AVD-GCP-0044", "CKV_GCP_30"]}
	aliases_of("google_compute_instance", "gke-pool-1", {"email": "1234-compute@developer.gserviceaccount.com", "scopes": []}) == {["AVD-GCP-0044"]}
	resources := {"google_compute_instance": [{
		"address": "google_compute_instance.vm", "config_address": "google_compute_instance.vm", "type": "google_compute_instance",
		"after": {"name": "nb", "service_account": []}, "unknown_paths": [],
	}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as resources
}
