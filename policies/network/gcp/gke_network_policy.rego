# METADATA
# title: GKE cluster does not enforce Kubernetes network policies
# description: >-
#   Without network policy enforcement every pod can reach every other pod:
#   a compromised notebook or inference pod can talk to training jobs,
#   feature stores and the metadata of other namespaces. Autopilot and
#   Dataplane V2 (ADVANCED_DATAPATH) enforce network policies themselves.
# custom:
#   id: PG-GCP-GKE-107
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: [AVD-GCP-0056, CKV_GCP_12]
#   compliance:
#     - framework: CIS Google Kubernetes Engine Benchmark 1.5
#       control: "5.6.7"
#   remediation: >-
#     Set `datapath_provider = "ADVANCED_DATAPATH"` (Dataplane V2), or
#     `network_policy { enabled = true }` with the network policy add-on.
package planguard.network.gcp.gke_network_policy

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not lib.is_true(r, ["enable_autopilot"])
	object.get(r.after, "datapath_provider", null) != "ADVANCED_DATAPATH"
	not enforced(r)
	not lib.any_pending(r, ["enable_autopilot", "datapath_provider"])
	not lib.unknown_in_blocks(r, "network_policy", "enabled")
	finding := {
		"msg": sprintf("GKE cluster %s does not enforce Kubernetes network policies.", [r.address]),
		"resource": r.address,
		"attribute": "network_policy",
	}
}

enforced(r) if {
	some p in object.get(r.after, "network_policy", [])
	p.enabled == true
}
