package planguard.network.gcp.cloudsql_open_to_world_test

import data.planguard.network.gcp.cloudsql_open_to_world as policy

db(ip, unknown) := {"google_sql_database_instance": [{
	"address": "google_sql_database_instance.mlflow",
	"config_address": "google_sql_database_instance.mlflow",
	"type": "google_sql_database_instance",
	"after": {"settings": [{"ip_configuration": [ip]}]},
	"unknown_paths": unknown,
}]}

test_world_network_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as db({"ipv4_enabled": true, "authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]}, [])
	some f in findings
	f.attribute == "settings.0.ip_configuration.0.authorized_networks.0.value"
}

test_office_network_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ipv4_enabled": true, "authorized_networks": [{"value": "203.0.113.0/24"}]}, [])
}

test_private_only_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ipv4_enabled": false, "authorized_networks": [{"value": "0.0.0.0/0"}]}, [])
}

test_unknown_value_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ipv4_enabled": true, "authorized_networks": [{"name": "x"}]}, ["settings.0.ip_configuration.0.authorized_networks.0.value"])
}

# Checkov's CKV_GCP_11 fails a value ending in /0; ranges that add up to the
# internet fail here without it.
test_checkov_id_only_on_a_slash_zero if {
	some world in policy.deny with data.planguard.resources_by_type as db({"ipv4_enabled": true, "authorized_networks": [{"value": "10.0.0.0/8"}, {"value": "0.0.0.0/0"}]}, [])
	world.aliases == ["CKV_GCP_11"]
	some halves in policy.deny with data.planguard.resources_by_type as db({"ipv4_enabled": true, "authorized_networks": [{"value": "0.0.0.0/1"}, {"value": "128.0.0.0/1"}]}, [])
	halves.aliases == []
}
