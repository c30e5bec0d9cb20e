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
