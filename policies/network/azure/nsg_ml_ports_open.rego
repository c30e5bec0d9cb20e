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
#   a source is *, Internet, Any, 0.0.0.0/0 or ::/0. Trivy's AVD-AZU-0047
#   fails every inbound rule from such a source, whatever its ports: those
#   findings name it too.
# custom:
#   id: PG-AZURE-NET-106
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   aliases: []
#   narrower: [AVD-AZU-0074, AVD-AZU-0047]
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
		trivy_aliases(rule, ranges),
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

# AVD-AZU-0074's ports.
trivy_ports := {20, 21, 23, 25, 53, 110, 135, 139, 143, 161, 389, 636, 993, 995, 1433, 1521, 3306, 5432, 6379}

# The Trivy checks that would raise the finding: both read a source Trivy
# takes for any address; AVD-AZU-0074 only when a port of its list is open.
trivy_aliases(rule, ranges) := {"aliases": ids} if {
	nsg.trivy_any_source(rule)
	ids := array.concat([id | id := "AVD-AZU-0074"; trivy_port_open(ranges)], ["AVD-AZU-0047"])
} else := {}

trivy_port_open(ranges) if {
	some range in ranges
	some port in trivy_ports
	range[0] <= port
	port <= range[1]
}
