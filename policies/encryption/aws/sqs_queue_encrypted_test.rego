package planguard.encryption.aws.sqs_queue_encrypted_test

import data.planguard.encryption.aws.sqs_queue_encrypted as policy

queue(after, unknown) := {"aws_sqs_queue": [{
	"address": "aws_sqs_queue.jobs",
	"config_address": "aws_sqs_queue.jobs",
	"type": "aws_sqs_queue",
	"after": after,
	"unknown_paths": unknown,
}]}

test_sse_off_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": null}, [])
	some f in findings
	f.resource == "aws_sqs_queue.jobs"
	f.attribute == "sqs_managed_sse_enabled"
}

test_sqs_managed_sse_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as queue({"sqs_managed_sse_enabled": true}, [])
}

test_kms_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/ml-queues"}, [])
}

test_kms_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as queue({"sqs_managed_sse_enabled": false}, ["kms_master_key_id"])
		with data.planguard.references as {"aws_sqs_queue.jobs": [{"attribute": "kms_master_key_id", "to": "aws_kms_key.q"}]}
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as queue({}, ["sqs_managed_sse_enabled"])
}

# The other tools fail this queue; SQS encrypts it with SSE-SQS by default.
test_sse_left_out_passes_by_the_service_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as queue({"name": "jobs"}, [])
}
