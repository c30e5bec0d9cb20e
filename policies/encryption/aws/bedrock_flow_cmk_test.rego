package planguard.encryption.aws.bedrock_flow_cmk_test

import data.planguard.encryption.aws.bedrock_flow_cmk as policy

flow(after, unknown) := {"aws_bedrockagent_flow": [{
	"address": "aws_bedrockagent_flow.triage",
	"config_address": "aws_bedrockagent_flow.triage",
	"type": "aws_bedrockagent_flow",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as flow({"name": "triage", "customer_encryption_key_arn": null}, [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_bedrockagent_flow.triage"
	f.attribute == "customer_encryption_key_arn"
}

test_attribute_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as flow({"name": "triage"}, [])
}

test_empty_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as flow({"customer_encryption_key_arn": ""}, [])
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as flow({"customer_encryption_key_arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as flow({}, ["customer_encryption_key_arn"])
}

test_key_created_in_the_same_plan_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as flow({"customer_encryption_key_arn": null}, [])
		with data.planguard.references as {"aws_bedrockagent_flow.triage": [{"attribute": "customer_encryption_key_arn", "to": "aws_kms_key.flows"}]}
}
