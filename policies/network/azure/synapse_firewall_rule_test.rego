package planguard.network.azure.synapse_firewall_rule_test

import data.planguard.network.azure.synapse_firewall_rule as policy

rule(after, unknown) := {"azurerm_synapse_firewall_rule": [{
	"address": "azurerm_synapse_firewall_rule.office",
	"type": "azurerm_synapse_firewall_rule",
	"after": after,
	"unknown_paths": unknown,
}]}

test_firewall_rule_is_reported_with_its_range if {
	findings := policy.deny with data.planguard.resources_by_type as rule({"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"}, [])
	count(findings) == 1
	some f in findings
	contains(f.msg, "203.0.113.0-203.0.113.255.")
	f.attribute == "start_ip_address"
}

test_rule_that_admits_the_internet_says_so if {
	findings := policy.deny with data.planguard.resources_by_type as rule({"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}, [])
	some f in findings
	contains(f.msg, "(the internet)")
}

test_no_firewall_rule_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"azurerm_synapse_workspace": [{"address": "azurerm_synapse_workspace.w", "type": "azurerm_synapse_workspace", "after": {}, "unknown_paths": []}]}
}

test_unknown_range_is_not_reported if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule({"start_ip_address": "203.0.113.0"}, ["end_ip_address"])
}
