# METADATA
# title: Network security rule exposes an ML or data service port to the internet
# description: >-
#   Notebooks and dashboards (Jupyter, TensorBoard, Ray, Dask, Spark), model
#   servers (MLflow, Ollama, TensorFlow Serving, Triton, Gradio), caches,
#   search engines, message queues and databases (the sensitive-port list,
#   src/rules/sensitive-ports.json, without its administrative ports, which
#   PG-AZURE-NET-101 judges) usually run without authentication or with weak
#   defaults; open to the internet they give remote code execution on GPU
#   nodes or direct access to data. A port range counts as every port it
#   includes; ICMP rules have no ports.
# custom:
#   id: PG-AZURE-NET-106
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   aliases: []
#   related: [AVD-AZU-0074]
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
	names := {n |
		some range in nsg.port_ranges(rule)
		some kind in ["database", "cache", "search", "message-queue", "notebook", "ml-serving"]
		some n in lib.sensitive_ports_of_kind(range[0], range[1], kind)
	}
	count(names) > 0
	finding := {
		"msg": sprintf("Network security rule %s exposes %s to the internet.", [nsg.rule_name(r, rule), concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": nsg.attribute_at(at, "destination_port_range"),
	}
}
