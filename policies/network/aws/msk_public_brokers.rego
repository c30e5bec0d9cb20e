# METADATA
# title: MSK brokers are reachable from the internet
# description: >-
#   With `public_access { type = "SERVICE_PROVIDED_EIPS" }` every broker of
#   the cluster gets a public IP address: the Kafka listeners carrying feature
#   and inference event streams are then one security group rule away from
#   the internet.
# custom:
#   id: PG-AWS-MSK-102
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_msk_cluster]
#   aliases: [CKV_AWS_291]
#   remediation: >-
#     Set `public_access { type = "DISABLED" }` (the default) and reach the
#     brokers through the VPC, PrivateLink or a VPN.
package planguard.network.aws.msk_public_brokers

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_msk_cluster
	some i, group in object.get(r.after, "broker_node_group_info", [])
	some j, conn in object.get(group, "connectivity_info", [])
	some k, access in object.get(conn, "public_access", [])
	path := ["broker_node_group_info", i, "connectivity_info", j, "public_access", k, "type"]
	not lib.is_unknown(r, path)
	access.type == "SERVICE_PROVIDED_EIPS"
	finding := {
		"msg": sprintf("MSK cluster %s gives its brokers public IP addresses.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
