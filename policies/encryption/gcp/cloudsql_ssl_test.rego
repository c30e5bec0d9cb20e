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
