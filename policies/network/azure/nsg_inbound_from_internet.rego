# METADATA
# title: Network security rule admits inbound traffic from the internet
# description: >-
#   An Allow rule for inbound traffic whose source is the internet (*,
#   Internet, Any, 0.0.0.0, or address ranges that together count as the
#   internet) exposes whatever listens on its destination ports to anyone.
#   Public entry points belong behind a load balancer, Application Gateway
#   or Front Door whose own rules name the ports. A TCP, UDP or any-protocol
#   rule whose ports include a sensitive one is left to PG-AZURE-NET-101
#   (administrative ports) and PG-AZURE-NET-106 (ML, data and legacy
#   protocol ports), so each exposure is reported once, by its most
#   specific rule. A finding names Trivy's AVD-AZU-0047 when Trivy would
#   raise it too: a source is *, Internet, Any, 0.0.0.0/0 or ::/0.
# custom:
#   id: PG-AZURE-NET-104
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   aliases: []
#   narrower: [AVD-AZU-0047]
#   remediation: >-
#     Narrow `source_address_prefix(es)` to the addresses that need access,
#     or put the service behind a load balancer or gateway and allow its
#     service tag instead.
package planguard.network.azure.nsg_inbound_from_internet

import data.planguard.lib
import data.planguard.lib.azure_nsg as nsg

deny contains finding if {
	some r in nsg.nsg_resources
	some at, rule in nsg.rules_of(r)
	nsg.allows(rule, "inbound")
	nsg.from_internet(rule)
	not sensitive(rule)
	finding := object.union(
		{
			"msg": sprintf("Network security rule %s allows inbound traffic from the internet.", [nsg.rule_name(r, rule)]),
			"resource": r.address,
			"attribute": nsg.attribute_at(at, "source_address_prefix"),
		},
		nsg.any_ingress_alias(rule),
	)
}

sensitive(rule) if {
	lower(object.get(rule, "protocol", "*")) in {"*", "tcp", "udp"}
	some range in nsg.port_ranges(rule)
	count(lib.sensitive_ports(range[0], range[1]) | nsg.legacy_ports_in(range[0], range[1])) > 0
}
