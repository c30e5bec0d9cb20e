# METADATA
# title: planguard helpers for Azure network security rules
# description: >-
#   How an NSG rule reads, whether it is an azurerm_network_security_rule or
#   a security_rule block of an azurerm_network_security_group: its
#   direction and access, the internet as its source or destination, and
#   its destination port ranges. Shared by the NSG rules in
#   policies/network/azure.
package planguard.lib.azure_nsg

import data.planguard.lib

# A rule of this direction ("inbound", "outbound") that allows traffic.
allows(rule, direction) if {
	lower(object.get(rule, "direction", "")) == direction
	lower(object.get(rule, "access", "")) == "allow"
}

# The source admits the internet: "0.0.0.0" (Azure reads it as any address),
# the Internet, Any or * service tags, or addresses that together count as
# the internet (lib.open_to_internet).
from_internet(rule) if admits_internet(rule, "source_address_prefix", "source_address_prefixes")

to_internet(rule) if admits_internet(rule, "destination_address_prefix", "destination_address_prefixes")

admits_internet(rule, single, _) if object.get(rule, single, "") == "0.0.0.0"

admits_internet(rule, _, many) if "0.0.0.0" in object.get(rule, many, [])

admits_internet(rule, single, many) if {
	lib.open_to_internet(array.concat([object.get(rule, single, null)], object.get(rule, many, [])))
}

# Trivy reads a source as "any address" (its lib.net cidr_allows_all_ips)
# when it is one of these CIDRs as written, or one of these keywords in any
# case; a bare 0.0.0.0 or address ranges that only add up to the internet
# are not. The NSG rules name Trivy's checks on findings where it would.
trivy_any_cidrs := {"0.0.0.0/0", "::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0", "*"}

trivy_any_keywords := {"internet", "any"}

# A source of the rule (source_address_prefix or source_address_prefixes)
# is one Trivy reads as any address.
trivy_any_source(rule) if {
	some s in sources(rule)
	trivy_any_address(s)
}

sources(rule) := array.concat(
	[s | s := object.get(rule, "source_address_prefix", null); is_string(s)],
	[s | some s in object.get(rule, "source_address_prefixes", []); is_string(s)],
)

trivy_any_address(s) if s in trivy_any_cidrs

trivy_any_address(s) if lower(s) in trivy_any_keywords

# {"aliases": ["AVD-AZU-0047"]} for an inbound Allow rule from a source
# Trivy reads as any address (its AVD-AZU-0047 fails every such rule,
# whatever its ports and protocol), else {}. The three rules that split
# inbound exposure by port (PG-AZURE-NET-101, -104, -106) add it to their
# findings.
any_ingress_alias(rule) := {"aliases": ["AVD-AZU-0047"]} if {
	allows(rule, "inbound")
	trivy_any_source(rule)
} else := {}

# The destination ports as [low, high] pairs: "22", "8000-8999" and "*"
# (every port), from destination_port_range and destination_port_ranges.
port_ranges(rule) := [bounds(p) | some p in ports(rule)]

ports(rule) := array.concat(single, many) if {
	p := object.get(rule, "destination_port_range", null)
	single := [p | is_string(p); p != ""]
	many := [q | some q in object.get(rule, "destination_port_ranges", [])]
}

bounds("*") := [0, 65535]

bounds(range) := [to_number(parts[0]), to_number(parts[count(parts) - 1])] if {
	range != "*"
	parts := split(range, "-")
}

# The rule's fields are known before apply (a resource's, or a block's).
known_rule(r) if {
	r.type == "azurerm_network_security_rule"
	every a in ["source_address_prefix", "source_address_prefixes", "destination_address_prefix", "destination_address_prefixes", "destination_port_range", "destination_port_ranges", "access", "direction", "protocol"] {
		not lib.is_unknown(r, [a])
	}
}

known_rule(r) if {
	r.type == "azurerm_network_security_group"
	not lib.is_unknown(r, ["security_rule"])
}

# Every rule of a resource with where it sits: the resource itself, or each
# security_rule block of a group.
rules_of(r) := {"": r.after} if {
	r.type == "azurerm_network_security_rule"
	known_rule(r)
} else := {sprintf("security_rule.%d", [i]): rule |
	r.type == "azurerm_network_security_group"
	known_rule(r)
	some i, rule in object.get(r.after, "security_rule", [])
}

# The resources that hold NSG rules.
nsg_resources := array.concat(
	[r | some r in object.get(data.planguard.resources_by_type, "azurerm_network_security_rule", [])],
	[r | some r in object.get(data.planguard.resources_by_type, "azurerm_network_security_group", [])],
)

# How a finding names the rule: the rule resource, or the block's name in its group.
rule_name(r, _) := r.address if r.type == "azurerm_network_security_rule"

rule_name(r, rule) := sprintf("%s in %s", [object.get(rule, "name", "?"), r.address]) if r.type == "azurerm_network_security_group"

# The attribute a finding points at, under the block's path when there is one.
attribute_at("", a) := a

attribute_at(at, a) := concat(".", [at, a]) if at != ""

# Legacy, cleartext, mail, Windows and directory protocols that have no place
# on the internet side of an ML platform (the ports of Trivy's AVD-AZU-0074
# beyond src/rules/sensitive-ports.json, Telnet included although that list
# calls it administrative). Kept here, not in the shared port data, so the
# AWS and GCP rules that read every sensitive port do not change.
legacy_ports := {
	20: "FTP data",
	21: "FTP",
	23: "Telnet",
	25: "SMTP",
	53: "DNS",
	110: "POP3",
	135: "RPC endpoint mapper",
	139: "NetBIOS session",
	143: "IMAP",
	161: "SNMP",
	389: "LDAP",
	636: "LDAPS",
	993: "IMAPS",
	995: "POP3S",
}

# The legacy ports a port range includes, as "Name (port)".
legacy_ports_in(from, to) := {sprintf("%s (%d)", [name, port]) |
	some port, name in legacy_ports
	from <= port
	port <= to
}
