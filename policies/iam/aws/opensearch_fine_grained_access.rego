# METADATA
# title: OpenSearch domain has fine-grained access control off
# description: >-
#   Without fine-grained access control, whoever the domain's access policy
#   lets in can read and write every index: the embeddings and documents of
#   every retrieval application sharing the domain. Fine-grained access
#   control adds index-, document- and field-level permissions on top.
# custom:
#   id: PG-AWS-OPENSEARCH-108
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV2_AWS_52]
#   defaults:
#     - aws_opensearch_domain advanced_security_options
#     - aws_elasticsearch_domain advanced_security_options
#   remediation: >-
#     Set `advanced_security_options { enabled = true }` with an IAM master
#     user ARN (needs node-to-node encryption, encryption at rest and HTTPS).
package planguard.iam.aws.opensearch_fine_grained_access

import data.planguard.lib

deny contains finding if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some r in data.planguard.resources_by_type[t]
	# Left out, the block is the provider's default: access control off.
	blocks := lib.effective(r, ["advanced_security_options"])
	not on_or_undecided(r, blocks)
	finding := {
		"msg": sprintf("Search domain %s has fine-grained access control off.", [r.address]),
		"resource": r.address,
		"attribute": "advanced_security_options.enabled",
	}
}

on_or_undecided(_, blocks) if {
	some b in blocks
	b.enabled == true
}

on_or_undecided(_, blocks) if {
	some b in blocks
	b.internal_user_database_enabled == true
}

on_or_undecided(r, blocks) if {
	some i, _ in blocks
	lib.is_unknown(r, ["advanced_security_options", i, "enabled"])
}
