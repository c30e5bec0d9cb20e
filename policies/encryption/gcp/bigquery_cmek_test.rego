package planguard.encryption.gcp.bigquery_cmek_test

import data.planguard.encryption.gcp.bigquery_cmek as policy

dataset(after, unknown) := {
	"address": "google_bigquery_dataset.features",
	"config_address": "google_bigquery_dataset.features",
	"type": "google_bigquery_dataset",
	"after": after,
	"unknown_paths": unknown,
}

table(after) := {
	"address": "google_bigquery_table.train",
	"config_address": "google_bigquery_table.train",
	"type": "google_bigquery_table",
	"after": after,
	"unknown_paths": [],
}

refs := {"google_bigquery_table.train": [{"attribute": "dataset_id", "to": "google_bigquery_dataset.features"}]}

test_dataset_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_bigquery_dataset": [dataset({"default_encryption_configuration": []}, [])]}
	some f in findings
	f.resource == "google_bigquery_dataset.features"
}

test_table_in_unkeyed_dataset_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {
		"google_bigquery_dataset": [dataset({"default_encryption_configuration": []}, [])],
		"google_bigquery_table": [table({"encryption_configuration": []})],
	}
		with data.planguard.references as refs
	count(findings) == 2
	some f in findings
	f.resource == "google_bigquery_table.train"
}

test_keyed_dataset_and_table_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {
		"google_bigquery_dataset": [dataset({"default_encryption_configuration": [{"kms_key_name": "projects/p/locations/us/keyRings/r/cryptoKeys/k"}]}, [])],
		"google_bigquery_table": [table({"encryption_configuration": []})],
	}
		with data.planguard.references as refs
}

test_table_with_dataset_outside_plan_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"google_bigquery_table": [table({"dataset_id": "existing", "encryption_configuration": []})]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"google_bigquery_dataset": [dataset({"default_encryption_configuration": [{}]}, ["default_encryption_configuration.0.kms_key_name"])]}
}
