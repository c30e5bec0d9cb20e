# METADATA
# title: OpenSearch domain is not encrypted at rest
# description: >-
#   OpenSearch and Elasticsearch domains back vector search, RAG indexes and
#   log analytics; their indexes, swap and automated snapshots hold the
#   documents themselves. Without encryption at rest they are stored in clear.
#   Trivy's AVD-AWS-0048 reads aws_elasticsearch_domain only and is named on
#   those findings.
# custom:
#   id: PG-AWS-OPENSEARCH-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_5]
#   narrower: [AVD-AWS-0048]
#   remediation: Add `encrypt_at_rest { enabled = true }` (with `kms_key_id` for a customer-managed key).
package planguard.encryption.aws.opensearch_encryption_at_rest

import data.planguard.lib

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	not enabled(r)
	not lib.unknown_in_blocks(r, "encrypt_at_rest", "enabled")
	finding := {
		"msg": sprintf("Search domain %s does not encrypt its data at rest.", [r.address]),
		"resource": r.address,
		"attribute": "encrypt_at_rest",
		"aliases": trivy_ids(t),
	}
}

enabled(r) if {
	some b in object.get(r.after, "encrypt_at_rest", [])
	b.enabled == true
}

# Trivy's adapter reads aws_elasticsearch_domain only, never an
# aws_opensearch_domain; on it AVD-AWS-0048 decides as this rule does.
trivy_ids(t) := ["AVD-AWS-0048"] if t == "aws_elasticsearch_domain"

trivy_ids(t) := [] if t != "aws_elasticsearch_domain"
