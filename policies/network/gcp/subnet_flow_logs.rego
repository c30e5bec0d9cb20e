# METADATA
# title: Subnet has no VPC flow logs
# description: >-
#   Without flow logs (`log_config`) there is no record of which hosts the
#   training nodes and notebooks in the subnet talked to, so exfiltration
#   and scanning cannot be detected or investigated. Proxy-only, Private
#   Service Connect and private NAT subnets, which do not support flow
#   logs, are skipped.
# custom:
#   id: PG-GCP-NET-102
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_compute_subnetwork]
#   aliases: [AVD-GCP-0029, CKV_GCP_26]
#   defaults:
#     - google_compute_subnetwork purpose
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "3.8"
#   remediation: >-
#     Add `log_config { aggregation_interval = "INTERVAL_5_SEC" flow_sampling = 0.5 metadata = "INCLUDE_ALL_METADATA" }`.
package planguard.network.gcp.subnet_flow_logs

import data.planguard.lib

special_purposes := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_subnetwork
	not lib.undecided(r, ["purpose"])
	not special_purpose(r)
	not lib.is_unknown(r, ["log_config"])
	count(object.get(r.after, "log_config", [])) == 0
	finding := {
		"msg": sprintf("Subnet %s has no VPC flow logs.", [r.address]),
		"resource": r.address,
		"attribute": "log_config",
	}
}

# A subnet that holds no VMs (proxy-only, Private Service Connect, private
# NAT): there is no VM traffic to log or to send to Google APIs. A purpose
# left out is the provider's default, PRIVATE (the plan shows it as known
# only after apply).
special_purpose(r) if lib.effective(r, ["purpose"]) in special_purposes
