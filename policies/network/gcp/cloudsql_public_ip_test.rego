package planguard.network.gcp.cloudsql_public_ip_test

import data.planguard.network.gcp.cloudsql_public_ip as policy

db(ip, unknown) := {"google_sql_database_instance": [{
	"address": "google_sql_database_instance.mlflow",
	"config_address": "google_sql_database_instance.mlflow",
	"type": "google_sql_database_instance",
	"after": {"settings": [{"ip_configuration": [ip]}]},
	"unknown_paths": unknown,
}]}

test_public_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as db({"ipv4_enabled": true}, [])
	some f in findings
	f.attribute == "settings.0.ip_configuration.0.ipv4_enabled"
}

test_private_ip_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ipv4_enabled": false, "private_network": "projects/p/global/networks/vpc"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({}, ["settings.0.ip_configuration.0.ipv4_enabled"])
}

engine_db(version, ip) := {"google_sql_database_instance": [{
	"address": "google_sql_database_instance.mlflow",
	"config_address": "google_sql_database_instance.mlflow",
	"type": "google_sql_database_instance",
	"after": {"database_version": version, "settings": [{"ip_configuration": [ip]}]},
	"unknown_paths": [],
}]}

# Checkov's CKV_GCP_60 judges SQL Server instances with ipv4_enabled set to true.
test_checkov_id_only_on_sql_server if {
	some f in policy.deny with data.planguard.resources_by_type as engine_db("SQLSERVER_2019_STANDARD", {"ipv4_enabled": true})
	f.aliases == ["CKV_GCP_60"]
	some g in policy.deny with data.planguard.resources_by_type as engine_db("POSTGRES_16", {"ipv4_enabled": true})
	g.aliases == []
	some h in policy.deny with data.planguard.resources_by_type as engine_db("SQLSERVER_2019_STANDARD", {})
	h.aliases == []
}

instance(settings, after_unknown, expressions) := {"google_sql_database_instance": [{
	"address": "google_sql_database_instance.mlflow",
	"config_address": "google_sql_database_instance.mlflow",
	"type": "google_sql_database_instance",
	"after": {"database_version": "POSTGRES_16", "settings": [settings]},
	"after_unknown": after_unknown,
	"expressions": expressions,
}]}

# Without ip_configuration (planned empty, or left out while the provider computes
# it) the instance gets a public IP; a block written with unknown values is not judged.
test_ip_configuration_left_out_is_denied if {
	written := {"settings": [{"tier": {"constant_value": "db-f1-micro"}}]}
	some f in policy.deny with data.planguard.resources_by_type as instance({"ip_configuration": []}, {}, written)
	f.attribute == "settings.0.ip_configuration"
	count(policy.deny) == 1 with data.planguard.resources_by_type as instance({}, {"settings": [{"ip_configuration": true}]}, written)
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({}, {"settings": [{"ip_configuration": true}]}, {"settings": [{"ip_configuration": [{"ipv4_enabled": {"references": ["var.public"]}}]}]})
}
