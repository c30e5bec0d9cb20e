package planguard.network.azure.messaging_public_network_access_test

import data.planguard.network.azure.messaging_public_network_access as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.events", [type]),
	"config_address": sprintf("%s.events", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"public_network_access_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "public_network_access_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"public_network_access_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"name": "x"}, ["public_network_access_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_204 reads Service Bus namespaces only.
test_only_service_bus_findings_name_the_checkov_check if {
	some s in policy.deny with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"public_network_access_enabled": true}, [])
	s.aliases == ["CKV_AZURE_204"]
	found := policy.deny with data.planguard.resources_by_type as res("azurerm_eventhub_namespace", {"public_network_access_enabled": true}, [])
	count(found) == 1
	some e in found
	not e.aliases
}
