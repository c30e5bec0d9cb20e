# METADATA
# title: OpenSearch domain accepts plain HTTP
# description: >-
#   A domain endpoint that does not enforce HTTPS lets clients send queries,
#   documents and credentials (basic auth for fine-grained access control)
#   over plain HTTP.
#   Trivy's AVD-AWS-0046 reads aws_elasticsearch_domain only and is named on
#   those findings.
# custom:
#   id: PG-AWS-OPENSEARCH-103
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_83]
#   narrower: [AVD-AWS-0046]
#   remediation: Set `domain_endpoint_options { enforce_https = true }`.
package planguard.encryption.aws.opensearch_enforce_https

import data.planguard.lib

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	not enforced(r)
	not lib.unknown_in_blocks(r, "domain_endpoint_options", "enforce_https")
	finding := {
		"msg": sprintf("Search domain %s does not enforce HTTPS on its endpoint.", [r.address]),
		"resource": r.address,
		"attribute": "domain_endpoint_options",
		"aliases": trivy_ids(t),
	}
}

enforced(r) if {
	some b in object.get(r.after, "domain_endpoint_options", [])
	b.enforce_https == true
}

# Trivy's adapter reads aws_elasticsearch_domain only, never an
# aws_opensearch_domain; on it AVD-AWS-0046 decides as this rule does.
trivy_ids(t) := ["AVD-AWS-0046"] if t == "aws_elasticsearch_domain"

trivy_ids(t) := [] if t != "aws_elasticsearch_domain"
