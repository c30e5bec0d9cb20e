# METADATA
# title: OpenSearch domain allows TLS 1.0 or 1.1
# description: >-
#   The `Policy-Min-TLS-1-0-2019-07` endpoint policy still negotiates TLS 1.0
#   and 1.1, which are deprecated and weak; clients of the domain should be
#   held to TLS 1.2 or later.
#   Trivy's AVD-AWS-0126 reads aws_elasticsearch_domain only and is named on
#   those findings.
# custom:
#   id: PG-AWS-OPENSEARCH-104
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_228]
#   narrower: [AVD-AWS-0126]
#   remediation: >-
#     Set `domain_endpoint_options { tls_security_policy =
#     "Policy-Min-TLS-1-2-PFS-2023-10" }` (or `Policy-Min-TLS-1-2-2019-07`).
package planguard.encryption.aws.opensearch_tls_policy

import data.planguard.lib

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	some i, b in object.get(r.after, "domain_endpoint_options", [])
	not lib.is_unknown(r, ["domain_endpoint_options", i, "tls_security_policy"])
	policy := object.get(b, "tls_security_policy", null)
	is_string(policy)
	outdated(policy)
	finding := {
		"msg": sprintf("Search domain %s allows TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("domain_endpoint_options.%v.tls_security_policy", [i]),
		"aliases": trivy_ids(t),
	}
}

outdated(p) if startswith(p, "Policy-Min-TLS-1-0")

outdated(p) if startswith(p, "Policy-Min-TLS-1-1")

# Trivy's adapter reads aws_elasticsearch_domain only, never an
# aws_opensearch_domain; on it AVD-AWS-0126 decides as this rule does.
trivy_ids(t) := ["AVD-AWS-0126"] if t == "aws_elasticsearch_domain"

trivy_ids(t) := [] if t != "aws_elasticsearch_domain"
