# METADATA
# title: Dataproc cluster VMs get public IP addresses
# description: >-
#   With `internal_ip_only = false` every master and worker of a Spark or
#   training cluster gets an external address, reachable from the internet
#   wherever a firewall rule allows it.
# custom:
#   id: PG-GCP-DATAPROC-102
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_dataproc_cluster]
#   aliases: []
#   related: [CKV_GCP_103]
#   remediation: >-
#     Set `cluster_config.gce_cluster_config.internal_ip_only = true` (with
#     Private Google Access on the subnet, and Cloud NAT for outbound traffic).
package planguard.network.gcp.dataproc_public_ip

deny contains finding if {
	some r in data.planguard.resources_by_type.google_dataproc_cluster
	some i, config in object.get(r.after, "cluster_config", [])
	some j, gce in object.get(config, "gce_cluster_config", [])
	object.get(gce, "internal_ip_only", null) == false
	finding := {
		"msg": sprintf("Dataproc cluster %s gives its VMs public IP addresses.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("cluster_config.%v.gce_cluster_config.%v.internal_ip_only", [i, j]),
	}
}
