# METADATA
# title: MSK cluster accepts plaintext client connections
# description: >-
#   Kafka topics on MSK carry feature streams, click logs and inference
#   events. A cluster whose clients may connect in PLAINTEXT (client_broker
#   PLAINTEXT or TLS_PLAINTEXT) exposes those records on the network.
#   Unencrypted replication between brokers is PG-AWS-MSK-103.
# custom:
#   id: PG-AWS-MSK-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_msk_cluster]
#   aliases: [CKV_AWS_81, AVD-AWS-0073]
#   remediation: Set `encryption_info { encryption_in_transit { client_broker = "TLS" } }` (the default).
package planguard.encryption.aws.msk_in_transit_encryption

# Checkov's CKV_AWS_81 also fails in_cluster = false, which PG-AWS-MSK-103
# reports (under the same id), and a cluster without encryption_info; Trivy's
# AVD-AWS-0073 takes a cluster without encryption_info, encryption_in_transit
# or client_broker as TLS_PLAINTEXT. MSK and the provider default to TLS
# there, so such a cluster passes here on purpose (docs/coverage/aws-data.json
# says so as `differs`).

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
