# METADATA
# title: OpenSearch domain does not encrypt traffic between its nodes
# description: >-
#   Without node-to-node encryption, shard replication and queries fan out
#   between data nodes in clear text inside the VPC, documents and embeddings
#   included.
#   Trivy's AVD-AWS-0043 reads aws_elasticsearch_domain only and is named on
#   those findings.
# custom:
#   id: PG-AWS-OPENSEARCH-102
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_6]
#   narrower: [AVD-AWS-0043]
#   remediation: Add `node_to_node_encryption { enabled = true }`.
package planguard.encryption.aws.opensearch_node_to_node_encryption

import data.planguard.lib

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	not enabled(r)
	not lib.unknown_in_blocks(r, "node_to_node_encryption", "enabled")
	finding := {
		"msg": sprintf("Search domain %s does not encrypt traffic between its nodes.", [r.address]),
		"resource": r.address,
		"attribute": "node_to_node_encryption",
		"aliases": trivy_ids(t),
	}
}

enabled(r) if {
	some b in object.get(r.after, "node_to_node_encryption", [])
	b.enabled == true
}

# Trivy's adapter reads aws_elasticsearch_domain only, never an
# aws_opensearch_domain; on it AVD-AWS-0043 decides as this rule does.
trivy_ids(t) := ["AVD-AWS-0043"] if t == "aws_elasticsearch_domain"

trivy_ids(t) := [] if t != "aws_elasticsearch_domain"
