# METADATA
# title: Subnet gives every instance a public IP address
# description: >-
#   With `map_public_ip_on_launch = true`, every instance launched in the
#   subnet (including GPU nodes from node groups and auto scaling groups that
#   never ask for one) gets a public IPv4 address and becomes reachable from
#   the internet as far as its security groups allow.
# custom:
#   id: PG-AWS-NET-104
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_subnet]
#   aliases: [CKV_AWS_130, AVD-AWS-0164]
#   remediation: >-
#     Set `map_public_ip_on_launch = false`; give public addresses only to load
#     balancers and NAT gateways (Elastic IPs), and keep workloads in private
#     subnets.
package planguard.network.aws.subnet_public_ip_on_launch

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_subnet
	not lib.is_unknown(r, ["map_public_ip_on_launch"])
	lib.is_true(r, ["map_public_ip_on_launch"])
	finding := {
		"msg": sprintf("Subnet %s assigns a public IP address to every instance launched in it.", [r.address]),
		"resource": r.address,
		"attribute": "map_public_ip_on_launch",
	}
}
