# METADATA
# title: DAX cluster endpoint accepts unencrypted connections
# description: >-
#   Applications read and write cached table items through the cluster
#   endpoint. With `cluster_endpoint_encryption_type` left at its default,
#   "NONE", that traffic crosses the VPC in clear; the setting can only be
#   chosen when the cluster is created.
# custom:
#   id: PG-AWS-DYNAMODB-103
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_dax_cluster]
#   aliases: [CKV_AWS_239]
#   remediation: >-
#     Set `cluster_endpoint_encryption_type = "TLS"` (the cluster is replaced)
#     and connect with a TLS-enabled DAX client.
package planguard.encryption.aws.dax_endpoint_tls

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_dax_cluster
	# The provider's schema default is "NONE": left out, the plan shows it.
	not lib.is_unknown(r, ["cluster_endpoint_encryption_type"])
	object.get(r.after, "cluster_endpoint_encryption_type", null) != "TLS"
	finding := {
		"msg": sprintf("DAX cluster %s accepts connections without TLS.", [r.address]),
		"resource": r.address,
		"attribute": "cluster_endpoint_encryption_type",
	}
}
