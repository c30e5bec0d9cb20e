# METADATA
# title: OpenSearch domain is not encrypted with a customer-managed key
# description: >-
#   Search domains behind retrieval-augmented generation hold embeddings and
#   the documents they came from. Encrypted without `encrypt_at_rest.kms_key_id`,
#   they use the AWS-managed key aws/es, which you cannot restrict, audit per
#   domain or revoke.
# custom:
#   id: PG-AWS-OPENSEARCH-107
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_247]
#   defaults:
#     - aws_opensearch_domain encrypt_at_rest.kms_key_id
#     - aws_elasticsearch_domain encrypt_at_rest.kms_key_id
#   remediation: >-
#     Set `encrypt_at_rest { enabled = true, kms_key_id = aws_kms_key.search.arn }`
#     (the domain is replaced).
package planguard.encryption.aws.opensearch_domain_cmk

import data.planguard.lib

deny contains finding if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["encrypt_at_rest"])
	not keyed(r)
	finding := {
		"msg": sprintf("Search domain %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "encrypt_at_rest.kms_key_id",
	}
}

# Left out of a written block, the key is the provider's default (aws/es).
keyed(r) if {
	some i, _ in object.get(r.after, "encrypt_at_rest", [])
	k := lib.effective(r, ["encrypt_at_rest", i, "kms_key_id"])
	is_string(k)
	k != ""
}

keyed(r) if {
	some i, _ in object.get(r.after, "encrypt_at_rest", [])
	lib.undecided(r, ["encrypt_at_rest", i, "kms_key_id"])
}

keyed(r) if lib.refers_to(r, "encrypt_at_rest.kms_key_id")
