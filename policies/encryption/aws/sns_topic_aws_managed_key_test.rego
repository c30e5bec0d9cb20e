package planguard.encryption.aws.sns_topic_aws_managed_key_test

import data.planguard.encryption.aws.sns_topic_aws_managed_key as policy

res(after, unknown) := {"aws_sns_topic": [{
	"address": "aws_sns_topic.events",
	"config_address": "aws_sns_topic.events",
	"type": "aws_sns_topic",
	"after": object.union({"name": "events"}, after),
	"unknown_paths": unknown,
}]}

test_aws_managed_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res({"kms_master_key_id": "alias/aws/sns"}, [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_sns_topic.events"
	f.attribute == "kms_master_key_id"
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({"kms_master_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, [])
}

# Left out: no KMS key at all, which is another rule's concern (and the other tools' too).
test_key_left_out_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({"kms_master_key_id": null}, [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, ["kms_master_key_id"])
}
