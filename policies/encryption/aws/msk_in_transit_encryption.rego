# METADATA
# title: MSK cluster allows plaintext traffic
# description: >-
#   Kafka topics on MSK carry feature streams, click logs and inference
#   events. A cluster whose clients may connect in PLAINTEXT, or whose brokers
#   replicate to each other unencrypted, exposes those records on the network.
# custom:
#   id: PG-AWS-MSK-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_msk_cluster]
#   aliases: [CKV_AWS_81, AVD-AWS-0073]
#   remediation: Set `encryption_info { encryption_in_transit { client_broker = "TLS", in_cluster = true } }` (the defaults).
package planguard.encryption.aws.msk_in_transit_encryption

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_msk_cluster
	some i, info in object.get(r.after, "encryption_info", [])
	some j, transit in object.get(info, "encryption_in_transit", [])
	not lib.is_unknown(r, ["encryption_info", i, "encryption_in_transit", j, "client_broker"])
	transit.client_broker in {"PLAINTEXT", "TLS_PLAINTEXT"}
	finding := {
		"msg": sprintf("MSK cluster %s accepts plaintext client connections.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("encryption_info.%v.encryption_in_transit.%v.client_broker", [i, j]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_msk_cluster
	some i, info in object.get(r.after, "encryption_info", [])
	some j, transit in object.get(info, "encryption_in_transit", [])
	not lib.is_unknown(r, ["encryption_info", i, "encryption_in_transit", j, "in_cluster"])
	transit.in_cluster == false
	finding := {
		"msg": sprintf("MSK cluster %s replicates between brokers without encryption.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("encryption_info.%v.encryption_in_transit.%v.in_cluster", [i, j]),
	}
}
