package planguard.encryption.aws.sns_topic_encrypted_test

import data.planguard.encryption.aws.sns_topic_encrypted as policy

topic(after, unknown) := {"aws_sns_topic": [{
	"address": "aws_sns_topic.alerts",
	"config_address": "aws_sns_topic.alerts",
	"type": "aws_sns_topic",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as topic({"name": "alerts", "kms_master_key_id": null}, [])
	some f in findings
	f.resource == "aws_sns_topic.alerts"
	f.attribute == "kms_master_key_id"
}

test_empty_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as topic({"kms_master_key_id": ""}, [])
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as topic({"kms_master_key_id": "alias/aws/sns"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as topic({}, ["kms_master_key_id"])
}
