package planguard.encryption.aws.bedrock_agent_cmk_test

import data.planguard.encryption.aws.bedrock_agent_cmk as policy

agent(after, unknown) := {"aws_bedrockagent_agent": [{
	"address": "aws_bedrockagent_agent.support",
	"config_address": "aws_bedrockagent_agent.support",
	"type": "aws_bedrockagent_agent",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as agent({"agent_name": "support", "customer_encryption_key_arn": null}, [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_bedrockagent_agent.support"
	f.attribute == "customer_encryption_key_arn"
}

test_attribute_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as agent({"agent_name": "support"}, [])
}

test_empty_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as agent({"customer_encryption_key_arn": ""}, [])
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as agent({"customer_encryption_key_arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as agent({}, ["customer_encryption_key_arn"])
}

test_key_created_in_the_same_plan_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as agent({"customer_encryption_key_arn": null}, [])
		with data.planguard.references as {"aws_bedrockagent_agent.support": [{"attribute": "customer_encryption_key_arn", "to": "aws_kms_key.agents"}]}
}
