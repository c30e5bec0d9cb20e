# METADATA
# title: Network security rule exposes a data, ML or legacy protocol port to the internet
# description: >-
#   Notebooks and dashboards (Jupyter, TensorBoard, Ray, Dask, Spark), model
#   servers (MLflow, Ollama, TensorFlow Serving, Triton, Gradio), caches,
#   search engines, message queues and databases (the sensitive-port list,
#   src/rules/sensitive-ports.json, without its administrative ports, which
#   PG-AZURE-NET-101 judges) usually run without authentication or with weak
#   defaults; open to the internet they give remote code execution on GPU
#   nodes or direct access to data. Legacy and cleartext protocols (FTP,
#   Telnet, POP3, IMAP, SNMP), mail (SMTP), DNS, Windows RPC and NetBIOS,
#   and directory services (LDAP) are reported too: an ML platform has no
#   reason to serve them to the internet, and each is a known way in or an
#   amplifier. A port range counts as every port it includes; ICMP rules
#   have no ports. Telnet is also an administrative port, so a rule opening
#   it is reported by PG-AZURE-NET-101 as well. A finding names Trivy's
#   AVD-AZU-0074 when Trivy would raise it too: the ports include one of its
#   list (the legacy ports, SQL Server, Oracle, MySQL, PostgreSQL, Redis) and
#   a source is *, Internet, Any, 0.0.0.0/0 or ::/0.
# custom:
#   id: PG-AZURE-NET-106
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   aliases: []
#   narrower: [AVD-AZU-0074]
#   remediation: >-
#     Reach these services through a VPN, Bastion or an authenticating
#     gateway; allow inbound traffic only from known address ranges or
#     service tags.
package planguard.network.azure.nsg_ml_ports_open

import data.planguard.lib
import data.planguard.lib.azure_nsg as nsg

deny contains finding if {
	some r in nsg.nsg_resources
	some at, rule in nsg.rules_of(r)
	nsg.allows(rule, "inbound")
	lower(object.get(rule, "protocol", "*")) != "icmp"
	nsg.from_internet(rule)
	ranges := nsg.port_ranges(rule)
	names := {n |
		some range in ranges
		some n in exposed_ports(range)
	}
	count(names) > 0
	finding := object.union(
		{
			"msg": sprintf("Network security rule %s exposes %s to the internet.", [nsg.rule_name(r, rule), concat(", ", sort(names))]),
			"resource": r.address,
			"attribute": nsg.attribute_at(at, "destination_port_range"),
		},
		trivy_alias(rule, ranges),
	)
}

# The data, ML and legacy ports of a [low, high] range, as "Name (port)".
exposed_ports(range) := names if {
	data_ports := {n |
		some kind in ["database", "cache", "search", "message-queue", "notebook", "ml-serving"]
		some n in lib.sensitive_ports_of_kind(range[0], range[1], kind)
	}
	names := data_ports | nsg.legacy_ports_in(range[0], range[1])
}

# AVD-AZU-0074's ports and its "any address" sources (Trivy reads source
# keywords without case, CIDRs as written).
trivy_ports := {20, 21, 23, 25, 53, 110, 135, 139, 143, 161, 389, 636, 993, 995, 1433, 1521, 3306, 5432, 6379}

trivy_any_cidrs := {"0.0.0.0/0", "::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0", "*"}

trivy_any_keywords := {"internet", "any"}

trivy_alias(rule, ranges) := {"aliases": ["AVD-AZU-0074"]} if {
	some range in ranges
	some port in trivy_ports
	range[0] <= port
	port <= range[1]
	some source in sources(rule)
	trivy_any_source(source)
} else := {}

sources(rule) := array.concat(
	[s | s := object.get(rule, "source_address_prefix", null); is_string(s)],
	[s | some s in object.get(rule, "source_address_prefixes", []); is_string(s)],
)

trivy_any_source(s) if s in trivy_any_cidrs

trivy_any_source(s) if lower(s) in trivy_any_keywords
