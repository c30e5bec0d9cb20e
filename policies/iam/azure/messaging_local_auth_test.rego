package planguard.iam.azure.messaging_local_auth_test

import data.planguard.iam.azure.messaging_local_auth as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.events", [type]),
	"config_address": sprintf("%s.events", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"local_auth_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "local_auth_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_eventhub_namespace", {"local_authentication_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "local_authentication_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"local_auth_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"name": "x"}, ["local_auth_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_203 reads Service Bus namespaces only.
test_only_service_bus_findings_name_the_checkov_check if {
	some s in policy.deny with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"local_auth_enabled": true}, [])
	s.aliases == ["CKV_AZURE_203"]
	found := policy.deny with data.planguard.resources_by_type as res("azurerm_eventhub_namespace", {"local_authentication_enabled": true}, [])
	count(found) == 1
	some e in found
	not e.aliases
}
