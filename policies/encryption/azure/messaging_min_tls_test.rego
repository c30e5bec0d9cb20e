package planguard.encryption.azure.messaging_min_tls_test

import data.planguard.encryption.azure.messaging_min_tls as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.events", [type]),
	"config_address": sprintf("%s.events", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"minimum_tls_version": "1.0"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "minimum_tls_version"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_eventhub_namespace", {"minimum_tls_version": "1.1"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "minimum_tls_version"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"minimum_tls_version": "1.2"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"name": "x"}, ["minimum_tls_version"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_205 reads Service Bus, CKV_AZURE_223 Event Hubs
# namespaces: each finding names the one of its type.
test_findings_name_the_check_of_their_namespace_type if {
	some s in policy.deny with data.planguard.resources_by_type as res("azurerm_servicebus_namespace", {"minimum_tls_version": "1.0"}, [])
	s.aliases == ["CKV_AZURE_205"]
	some e in policy.deny with data.planguard.resources_by_type as res("azurerm_eventhub_namespace", {"minimum_tls_version": "1.1"}, [])
	e.aliases == ["CKV_AZURE_223"]
}
