package planguard.encryption.gcp.cloudsql_ssl_test

import data.planguard.encryption.gcp.cloudsql_ssl as policy

db(ip, unknown) := {"google_sql_database_instance": [{
	"address": "google_sql_database_instance.mlflow",
	"config_address": "google_sql_database_instance.mlflow",
	"type": "google_sql_database_instance",
	"after": {"settings": [{"ip_configuration": [ip]}]},
	"unknown_paths": unknown,
}]}

test_allow_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "ipv4_enabled": false}, [])
	some f in findings
	f.attribute == "settings.0.ip_configuration.0.ssl_mode"
}

test_encrypted_only_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ssl_mode": "ENCRYPTED_ONLY"}, [])
}

test_legacy_require_ssl_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"require_ssl": true}, [])
}

test_unknown_ssl_mode_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ipv4_enabled": true}, ["settings.0.ip_configuration.0.ssl_mode"])
}

# ssl_mode wins over the deprecated require_ssl when both are set.
test_allow_unencrypted_mode_is_denied_despite_require_ssl if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": true}, [])
}

test_trusted_client_certificate_mode_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED", "require_ssl": false}, [])
}

instance(settings, after_unknown, expressions) := {"google_sql_database_instance": [{
	"address": "google_sql_database_instance.mlflow",
	"config_address": "google_sql_database_instance.mlflow",
	"type": "google_sql_database_instance",
	"after": {"settings": [settings]},
	"after_unknown": after_unknown,
	"expressions": expressions,
}]}

written_settings := {"settings": [{"tier": {"constant_value": "db-custom-2-7680"}}]}

# Without ip_configuration the instance takes every default, plain text allowed:
# planned empty, or left out of the configuration while the provider computes it.
test_ip_configuration_left_out_is_denied if {
	found := policy.deny with data.planguard.resources_by_type as instance({"tier": "db-custom-2-7680", "ip_configuration": []}, {}, written_settings)
	some f in found
	f.attribute == "settings.0.ip_configuration"
	f.aliases == ["CKV_GCP_6"]
	count(policy.deny) == 1 with data.planguard.resources_by_type as instance({"tier": "db-custom-2-7680"}, {"settings": [{"ip_configuration": true}]}, written_settings)
}

# An ssl_mode left out of a written ip_configuration is the API's default.
test_ssl_mode_left_out_is_denied if {
	written := {"settings": [{"ip_configuration": [{"ipv4_enabled": {"constant_value": false}}]}]}
	found := policy.deny with data.planguard.resources_by_type as instance({"ip_configuration": [{"ipv4_enabled": false}]}, {"settings": [{"ip_configuration": [{"ssl_mode": true}]}]}, written)
	some f in found
	f.attribute == "settings.0.ip_configuration.0.ssl_mode"
}

# A block or ssl_mode the configuration writes with a value known only after apply is not judged.
test_configured_but_unknown_is_not_denied if {
	from_variable := {"settings": [{"ip_configuration": [{"ssl_mode": {"references": ["var.ssl_mode"]}}]}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({"ip_configuration": [{}]}, {"settings": [{"ip_configuration": [{"ssl_mode": true}]}]}, from_variable)
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({}, {"settings": [{"ip_configuration": true}]}, {"settings": [{"ip_configuration": [{"ipv4_enabled": {"references": ["var.public"]}}]}]})
}

# Checkov's CKV_GCP_6 reads require_ssl only: named unless require_ssl is true. It also
# fails ENCRYPTED_ONLY without require_ssl (removed in provider 6.0), which passes here.
test_checkov_id_where_require_ssl_is_not_true if {
	some plain in policy.deny with data.planguard.resources_by_type as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}, [])
	plain.aliases == ["CKV_GCP_6"]
	some both in policy.deny with data.planguard.resources_by_type as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": true}, [])
	both.aliases == []
	count(policy.deny) == 0 with data.planguard.resources_by_type as db({"ssl_mode": "ENCRYPTED_ONLY", "require_ssl": null}, [])
}
