package planguard.encryption.aws.opensearch_domain_cmk_test

import data.planguard.encryption.aws.opensearch_domain_cmk as policy

domain(type, rest, unknown, expressions) := {type: [{
	"address": sprintf("%s.rag", [type]),
	"config_address": sprintf("%s.rag", [type]),
	"type": type,
	"after": {"domain_name": "rag", "encrypt_at_rest": rest},
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain("aws_opensearch_domain", [{"enabled": true, "kms_key_id": null}], [], {})
	count(findings) == 1
	some f in findings
	f.resource == "aws_opensearch_domain.rag"
	f.attribute == "encrypt_at_rest.kms_key_id"
}

test_elasticsearch_domain_without_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as domain("aws_elasticsearch_domain", [{"enabled": true, "kms_key_id": ""}], [], {})
}

test_block_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as domain("aws_opensearch_domain", [], [], {})
}

# Written without the key, which the provider computes: the default, aws/es.
test_key_left_out_takes_the_default_and_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as domain("aws_opensearch_domain", [{"enabled": true}], ["encrypt_at_rest.0.kms_key_id"], {"encrypt_at_rest": [{"enabled": {"constant_value": true}}]})
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain("aws_opensearch_domain", [{"enabled": true, "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}], [], {})
}

test_key_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain("aws_opensearch_domain", [{"enabled": true}], ["encrypt_at_rest.0.kms_key_id"], {"encrypt_at_rest": [{"kms_key_id": {"references": ["aws_kms_key.search.arn", "aws_kms_key.search"]}}]})
}
