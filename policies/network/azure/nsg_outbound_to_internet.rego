# METADATA
# title: Network security rule allows outbound traffic to the internet
# description: >-
#   An Allow rule for outbound traffic to the internet (*, Internet, Any, or
#   address ranges that together count as the internet) lets a compromised
#   training job or notebook send data anywhere. Egress from ML subnets
#   should go to the service tags and private endpoints the workload needs,
#   or through a firewall.
# custom:
#   id: PG-AZURE-NET-105
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   aliases: [AVD-AZU-0051]
#   remediation: >-
#     Allow outbound traffic to the service tags (Storage, AzureMachineLearning,
#     AzureContainerRegistry) and addresses the workload needs, and route the
#     rest through Azure Firewall.
package planguard.network.azure.nsg_outbound_to_internet

import data.planguard.lib.azure_nsg as nsg

deny contains finding if {
	some r in nsg.nsg_resources
	some at, rule in nsg.rules_of(r)
	nsg.allows(rule, "outbound")
	nsg.to_internet(rule)
	finding := {
		"msg": sprintf("Network security rule %s allows outbound traffic to the internet.", [nsg.rule_name(r, rule)]),
		"resource": r.address,
		"attribute": nsg.attribute_at(at, "destination_address_prefix"),
	}
}
