# METADATA
# title: Vertex AI Workbench instance has a public IP address
# description: >-
#   A Workbench (or legacy user-managed notebook) instance with a public IP
#   is a Jupyter server holding credentials and data that is reachable from
#   the internet whenever a firewall rule allows it, and can send data
#   anywhere without going through Cloud NAT. The Workbench default is a
#   public IP.
# custom:
#   id: PG-GCP-VERTEX-103
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_workbench_instance, google_notebooks_instance, google_notebooks_runtime]
#   aliases: [CKV_GCP_89, CKV2_GCP_28, CKV2_GCP_36]
#   remediation: >-
#     Set `gce_setup { disable_public_ip = true }` (`no_public_ip = true` on
#     google_notebooks_instance, `virtual_machine.virtual_machine_config.internal_ip_only
#     = true` on google_notebooks_runtime) and use Cloud NAT and Private Google Access
#     for outbound traffic.
package planguard.network.gcp.workbench_public_ip

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_workbench_instance
	not lib.is_unknown(r, ["gce_setup"])
	some i, setup in object.get(r.after, "gce_setup", [])
	not lib.is_unknown(r, ["gce_setup", i, "disable_public_ip"])
	object.get(setup, "disable_public_ip", false) != true
	finding := {
		"msg": sprintf("Workbench instance %s has a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("gce_setup.%v.disable_public_ip", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_workbench_instance
	not lib.is_unknown(r, ["gce_setup"])
	count(object.get(r.after, "gce_setup", [])) == 0
	finding := {
		"msg": sprintf("Workbench instance %s has a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": "gce_setup",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_notebooks_instance
	not lib.is_unknown(r, ["no_public_ip"])
	object.get(r.after, "no_public_ip", false) != true
	finding := {
		"msg": sprintf("Notebook instance %s has a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": "no_public_ip",
	}
}

# A managed notebooks runtime: public unless its VM is internal-IP only.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_notebooks_runtime
	path := ["virtual_machine", 0, "virtual_machine_config", 0, "internal_ip_only"]
	object.get(r.after, path, false) != true
	not lib.pending(r, path)
	finding := {
		"msg": sprintf("Managed notebooks runtime %s has a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
