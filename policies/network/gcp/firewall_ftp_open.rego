# METADATA
# title: Firewall rule opens FTP (ports 20, 21) to the internet
# description: >-
#   FTP sends credentials and data in clear text and its servers are a
#   frequent entry point; an ingress rule whose `allow` ports include 20 or 21
#   (singly or inside a range), whatever the protocol, from a source that is
#   the whole internet (0.0.0.0/0, ::/0 or ranges that together make it) is
#   denied. A rule without `source_ranges` (tags or service accounts only)
#   passes. The broad PG-GCP-NET-001 covers administrative ports only.
# custom:
#   id: PG-GCP-NET-108
#   severity: high
#   category: network
#   providers: [google]
#   resource_types: [google_compute_firewall]
#   aliases: [CKV_GCP_75, CKV_GCP_77]
#   related: []
#   remediation: >-
#     Replace FTP with SFTP or a Cloud Storage transfer; if FTP must stay,
#     restrict `source_ranges` to the partners' addresses.
package planguard.network.gcp.firewall_ftp_open

import data.planguard.lib

ftp_ports := {20: "FTP data (20)", 21: "FTP control (21)"}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_firewall
	object.get(r.after, "direction", "INGRESS") == "INGRESS"
	object.get(r.after, "disabled", false) != true
	some i, allow in object.get(r.after, "allow", [])
	names := {name |
		some p in object.get(allow, "ports", [])
		some port, name in ftp_ports
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

# A `ports` entry ("21" or "20-25") includes the port.
port_in(entry, port) if to_number(entry) == port

port_in(entry, port) if {
	[from, to] := split(entry, "-")
	to_number(from) <= port
	port <= to_number(to)
}
