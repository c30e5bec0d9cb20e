# METADATA
# title: Firewall rule opens plain HTTP (port 80) to the internet
# description: >-
#   Port 80 serves plain HTTP: sessions and tokens travel unencrypted, and an
#   internal service published on it is reachable by anyone. An ingress rule
#   whose `allow` ports include 80
#   (singly or inside a range), whatever the protocol, from a source that is
#   the whole internet (0.0.0.0/0, ::/0 or ranges that together make it) is
#   denied. A rule without `source_ranges` (tags or service accounts only)
#   passes. The broad PG-GCP-NET-001 covers administrative ports only.
# custom:
#   id: PG-GCP-NET-109
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_compute_firewall]
#   aliases: [CKV_GCP_106]
#   related: []
#   remediation: >-
#     Publish web services through an HTTPS load balancer (port 443) and
#     allow port 80 only from the load balancer ranges (35.191.0.0/16,
#     130.211.0.0/22) or known addresses.
package planguard.network.gcp.firewall_http_open

import data.planguard.lib

http_ports := {80: "HTTP (80)"}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_firewall
	object.get(r.after, "direction", "INGRESS") == "INGRESS"
	object.get(r.after, "disabled", false) != true
	some i, allow in object.get(r.after, "allow", [])
	names := {name |
		some p in object.get(allow, "ports", [])
		some port, name in http_ports
		port_in(p, port)
	}
	count(names) > 0
	sources := object.get(r.after, "source_ranges", [])
	is_array(sources)
	lib.open_to_internet(sources)
	not lib.any_pending(r, ["source_ranges", "allow", "direction", "disabled"])
	finding := {
		"msg": sprintf("Firewall rule %s opens %s to the internet.", [r.address, concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": sprintf("allow.%v.ports", [i]),
	}
}

# A `ports` entry ("80" or "80-90") includes the port.
port_in(entry, port) if to_number(entry) == port

port_in(entry, port) if {
	[from, to] := split(entry, "-")
	to_number(from) <= port
	port <= to_number(to)
}
