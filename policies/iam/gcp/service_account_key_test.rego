package planguard.iam.gcp.service_account_key_test

import data.planguard.iam.gcp.service_account_key as policy

test_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_service_account_key": [{
		"address": "google_service_account_key.ci",
		"config_address": "google_service_account_key.ci",
		"type": "google_service_account_key",
		"after": {"service_account_id": "projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com"},
		"unknown_paths": ["private_key", "id"],
	}]}
	some f in findings
	f.resource == "google_service_account_key.ci"
}

test_no_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"google_service_account": [{
		"address": "google_service_account.ci",
		"config_address": "google_service_account.ci",
		"type": "google_service_account",
		"after": {"account_id": "ci"},
		"unknown_paths": [],
	}]}
}
