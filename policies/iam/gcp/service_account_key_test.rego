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

key_and_account := {
	"google_service_account_key": [{
		"address": "google_service_account_key.ci",
		"config_address": "google_service_account_key.ci",
		"type": "google_service_account_key",
		"after": {},
		"unknown_paths": ["service_account_id", "private_key", "id"],
	}],
	"google_service_account": [{
		"address": "google_service_account.ci",
		"config_address": "google_service_account.ci",
		"type": "google_service_account",
		"after": {"account_id": "ci"},
		"unknown_paths": [],
	}],
}

# Checkov's CKV2_GCP_3 is named when the key's account is a block of the configuration.
test_checkov_id_when_the_account_is_in_the_plan if {
	refs := {"google_service_account_key.ci": [{"attribute": "service_account_id", "to": "google_service_account.ci"}]}
	some f in policy.deny with data.planguard.resources_by_type as key_and_account with data.planguard.references as refs
	f.aliases == ["CKV2_GCP_3"]
	some g in policy.deny with data.planguard.resources_by_type as key_and_account with data.planguard.references as {}
	g.aliases == []
}
