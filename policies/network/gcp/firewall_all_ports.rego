# METADATA
# title: Firewall rule allows every port
# description: >-
#   An allow block with protocol "all", a TCP, UDP or SCTP protocol without
#   ports, or the range 0-65535 opens every port of the targeted VMs to its
#   sources, whatever they are (other subnets, peered networks, every
#   destination for egress): a compromised notebook can then reach every
#   service of the training nodes. List the ports the workload needs. Rules
#   from the internet are PG-GCP-NET-001's too; disabled rules are not judged.
# custom:
#   id: PG-GCP-NET-111
#   severity: low
#   category: network
#   providers: [google]
#   resource_types: [google_compute_firewall]
#   aliases: []
#   narrower: [AVD-GCP-0072]
#   remediation: >-
#     Replace the block with one that lists the needed ports (`ports = ["443", "8080-8090"]`)
#     for the protocol in use.
package planguard.network.gcp.firewall_all_ports

import data.planguard.lib

port_protocols := {"tcp", "udp", "sctp", "6", "17", "132"}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_firewall
	object.get(r.after, "disabled", false) != true
	not lib.any_pending(r, ["allow", "disabled"])
	some i, allow in object.get(r.after, "allow", [])
	what := every_port(allow)
	finding := {
		"msg": sprintf("Firewall rule %s allows %s.", [r.address, what]),
		"resource": r.address,
		"attribute": sprintf("allow.%v", [i]),
		"aliases": trivy_ids(allow),
	}
}

protocol(allow) := lower(sprintf("%v", [object.get(allow, "protocol", "")]))

every_port(allow) := "every protocol and port" if protocol(allow) == "all"

else := sprintf("every %s port", [protocol(allow)]) if {
	protocol(allow) in port_protocols
	count(object.get(allow, "ports", [])) == 0
} else := sprintf("every %s port", [protocol(allow)]) if {
	protocol(allow) in port_protocols
	some p in object.get(allow, "ports", [])
	p in {"0-65535", "1-65535"}
}

# Trivy's AVD-GCP-0072 recognises only the protocol "all" (its port-range test
# reads fields its adapter does not set).
trivy_ids(allow) := ["AVD-GCP-0072"] if protocol(allow) == "all"

else := []
