# METADATA
# title: Firewall rule exposes an ML or data service port to the internet
# description: >-
#   Notebooks and dashboards (Jupyter, TensorBoard, Ray, Dask, Spark), model
#   servers (MLflow, Triton, TensorFlow Serving, Gradio, Ollama), caches,
#   search engines, message queues and databases (the sensitive-port list,
#   src/rules/sensitive-ports.json) usually run without authentication or
#   with weak defaults; open to the internet they give remote code execution
#   on GPU nodes or direct access to data. A port range counts as every port
#   it includes. Rules that also open an administrative port or every port
#   are left to PG-GCP-NET-001.
# custom:
#   id: PG-GCP-NET-107
#   severity: high
#   category: network
#   providers: [google]
#   resource_types: [google_compute_firewall]
#   aliases: []
#   narrower: [CKV_GCP_88]
#   remediation: >-
#     Reach these services through IAP TCP forwarding, a VPN or an
#     authenticating load balancer; restrict `source_ranges` to known ranges.
package planguard.network.gcp.firewall_ml_ports_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_firewall
	object.get(r.after, "direction", "INGRESS") == "INGRESS"
	object.get(r.after, "disabled", false) != true
	some i, allow in object.get(r.after, "allow", [])
	names := exposed(allow)
	count(names) > 0
	sources := object.get(r.after, "source_ranges", [])
	is_array(sources)
	lib.open_to_internet(sources)
	not lib.any_pending(r, ["source_ranges", "allow", "direction", "disabled"])
	finding := {
		"msg": sprintf("Firewall rule %s exposes %s to the internet.", [r.address, concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": sprintf("allow.%v.ports", [i]),
		"aliases": checkov_mysql_ids(allow, sources),
	}
}

# Checkov's CKV_GCP_88 fails a port list that includes MySQL's 3306 with
# 0.0.0.0/0 written among the source ranges (a block that also opens an
# administrative port is PG-GCP-NET-001's finding, which names it too).
checkov_mysql_ids(allow, sources) := ["CKV_GCP_88"] if {
	"0.0.0.0/0" in sources
	some p in object.get(allow, "ports", [])
	rg := port_range(p)
	rg[0] <= 3306
	3306 <= rg[1]
} else := []

# The sensitive services (every kind but admin) that a TCP allow block opens,
# unless it also opens an administrative port or every port (PG-GCP-NET-001).
exposed(allow) := names if {
	allow.protocol in {"tcp", "6"}
	ranges := [port_range(p) | some p in object.get(allow, "ports", [])]
	count(ranges) > 0
	every rg in ranges {
		count(lib.sensitive_ports_of_kind(rg[0], rg[1], "admin")) == 0
	}
	names := {name |
		some rg in ranges
		some name in lib.sensitive_ports(rg[0], rg[1])
	}
}

# "8888" or "8000-8010" as [from, to].
port_range(p) := [to_number(a), to_number(b)] if [a, b] := split(p, "-")

port_range(p) := [to_number(p), to_number(p)] if not contains(p, "-")
