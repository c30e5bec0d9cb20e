# METADATA
# title: Dataproc cluster VMs get public IP addresses
# description: >-
#   With `internal_ip_only = false` every master and worker of a Spark or
#   training cluster gets an external address, reachable from the internet
#   wherever a firewall rule allows it. Left out of the configuration, the
#   API decides by image version: internal IPs only for image 2.2 and later
#   (and for the default image, which is 2.2 or later), public IPs before;
#   so a left-out setting fails on a cluster pinned to an older image.
# custom:
#   id: PG-GCP-DATAPROC-102
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_dataproc_cluster]
#   aliases: [CKV_GCP_103]
#   defaults:
#     - google_dataproc_cluster cluster_config.gce_cluster_config.internal_ip_only
#   remediation: >-
#     Set `cluster_config.gce_cluster_config.internal_ip_only = true` (with
#     Private Google Access on the subnet, and Cloud NAT for outbound traffic).
package planguard.network.gcp.dataproc_public_ip

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_dataproc_cluster
	some i, config in object.get(r.after, "cluster_config", [])
	some j, gce in object.get(config, "gce_cluster_config", [])
	public_ips(r, i, j, gce)
	finding := {
		"msg": sprintf("Dataproc cluster %s gives its VMs public IP addresses.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("cluster_config.%v.gce_cluster_config.%v.internal_ip_only", [i, j]),
	}
}

public_ips(_, _, _, gce) if object.get(gce, "internal_ip_only", null) == false

# Left out: the API gives public IPs to clusters on an image before 2.2.
public_ips(r, i, j, _) if {
	lib.provider_default(r, ["cluster_config", i, "gce_cluster_config", j, "internal_ip_only"])
	some sw in object.get(r.after.cluster_config[i], "software_config", [])
	image_before_2_2(object.get(sw, "image_version", null))
}

# "2.1-debian11", "2.0.66-ubuntu18", "1.5-debian10": major.minor before 2.2.
image_before_2_2(version) if {
	is_string(version)
	parts := regex.find_all_string_submatch_n(`^([0-9]+)\.([0-9]+)`, version, 1)
	count(parts) == 1
	older(to_number(parts[0][1]), to_number(parts[0][2]))
}

older(major, _) if major < 2

older(2, minor) if minor < 2
