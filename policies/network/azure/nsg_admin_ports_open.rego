# METADATA
# title: Network security group allows administrative or all ports from the internet
# description: >-
#   An inbound Allow rule from `*`, `Internet`, `Any` or 0.0.0.0/0 on SSH
#   (22), RDP (3389) or every port exposes the VMs and GPU nodes behind the
#   NSG to the whole internet, where scanners find them within minutes. A
#   finding also names Trivy's AVD-AZU-0047, which fails every inbound rule
#   from any address whatever its ports, when a source is one Trivy reads
#   as any address (*, Internet, Any, 0.0.0.0/0, ::/0).
# custom:
#   id: PG-AZURE-NET-101
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   aliases: [CKV_AZURE_9, CKV_AZURE_10, AVD-AZU-0048, AVD-AZU-0050]
#   narrower: [AVD-AZU-0047]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "6.1"
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "6.2"
#   remediation: >-
#     Restrict the source to known ranges, or use Azure Bastion or
#     just-in-time VM access instead of open SSH/RDP.
package planguard.network.azure.nsg_admin_ports_open

import data.planguard.lib
import data.planguard.lib.azure_nsg as nsg

# Azure reads a bare 0.0.0.0 source as any address; the other names and
# every address list are judged as an address space (lib.open_to_internet).
internet_sources := {"0.0.0.0"}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_network_security_rule
	not lib.is_unknown(r, ["source_address_prefix"])
	not lib.is_unknown(r, ["source_address_prefixes"])
	not lib.is_unknown(r, ["destination_port_range"])
	not lib.is_unknown(r, ["destination_port_ranges"])
	exposed := exposure(r.after)
	finding := object.union(
		{
			"msg": sprintf("Security rule %s allows %s from the internet.", [r.address, exposed]),
			"resource": r.address,
			"attribute": "destination_port_range",
		},
		nsg.any_ingress_alias(r.after),
	)
}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_network_security_group
	not lib.is_unknown(r, ["security_rule"])
	some i, rule in object.get(r.after, "security_rule", [])
	exposed := exposure(rule)
	finding := object.union(
		{
			"msg": sprintf("Network security group %s allows %s from the internet.", [r.address, exposed]),
			"resource": r.address,
			"attribute": sprintf("security_rule.%v", [i]),
		},
		nsg.any_ingress_alias(rule),
	)
}

exposure(rule) := concat(", ", sort(names)) if {
	lower(object.get(rule, "direction", "")) == "inbound"
	lower(object.get(rule, "access", "")) == "allow"
	lower(object.get(rule, "protocol", "*")) in {"*", "tcp", "udp"}
	from_internet(rule)
	names := {n | some range in port_ranges(rule); some n in exposed_names(range)}
	count(names) > 0
}

from_internet(rule) if lower(object.get(rule, "source_address_prefix", "")) in internet_sources

from_internet(rule) if {
	some p in object.get(rule, "source_address_prefixes", [])
	lower(p) in internet_sources
}

from_internet(rule) if {
	single := object.get(rule, "source_address_prefix", null)
	lib.open_to_internet(array.concat([single], object.get(rule, "source_address_prefixes", [])))
}

port_ranges(rule) := array.concat(single, many) if {
	p := object.get(rule, "destination_port_range", null)
	single := [p | is_string(p); p != ""]
	many := [q | some q in object.get(rule, "destination_port_ranges", [])]
}

exposed_names(range) := {"all ports"} if {
	range == "*"
} else := {name |
	bounds := split(range, "-")
	low := to_number(bounds[0])
	high := to_number(bounds[count(bounds) - 1])
	some name in lib.sensitive_ports_of_kind(low, high, "admin")
}
