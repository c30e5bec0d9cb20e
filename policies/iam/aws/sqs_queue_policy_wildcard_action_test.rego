package planguard.iam.aws.sqs_queue_policy_wildcard_action_test

import data.planguard.iam.aws.sqs_queue_policy_wildcard_action as policy
import data.planguard.lib.test as t

queue := "aws_sqs_queue.jobs"

queue_policy := "aws_sqs_queue_policy.jobs"

doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

statement(effect, action) := {
	"Effect": effect,
	"Principal": {"AWS": "arn:aws:iam::111122223333:role/trainer"},
	"Action": action,
	"Resource": "arn:aws:sqs:us-east-1:111122223333:jobs",
}

findings(address, policy_text, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, {"policy": policy_text}, unknown_paths)
}

test_every_action_is_denied if {
	t.assert_denied(findings(queue_policy, doc([statement("Allow", "*")]), []), queue_policy, "policy")
	t.assert_denied(findings(queue_policy, doc([statement("Allow", ["sqs:SendMessage", "SQS:*"])]), []), queue_policy, "policy")
	t.assert_denied(findings(queue, doc(statement("Allow", ["sqs:*"])), []), queue, "policy")
}

test_listed_actions_pass if {
	t.assert_passes(findings(queue_policy, doc([statement("Allow", ["sqs:SendMessage", "sqs:ReceiveMessage"])]), []), queue_policy)
	t.assert_passes(findings(queue, doc([statement("Allow", "sqs:Send*")]), []), queue)
}

test_deny_statements_pass if {
	t.assert_passes(findings(queue_policy, doc([statement("Deny", "sqs:*")]), []), queue_policy)
}

test_policy_known_after_apply_is_not_denied if {
	t.assert_passes(findings(queue_policy, null, ["policy"]), queue_policy)
}

test_queue_without_a_policy_passes if {
	t.assert_passes(findings(queue, "", []), queue)
	t.assert_passes(findings(queue, null, []), queue)
}

# Checkov's CKV_AWS_72: the first statement of an aws_sqs_queue_policy, Action "*".
test_findings_name_checkov_where_it_fails_too if {
	first := findings(queue_policy, doc([statement("Allow", "*")]), [])
	[f.aliases | some f in first] == [["CKV_AWS_72"]]
	second := findings(queue_policy, doc([statement("Allow", "sqs:SendMessage"), statement("Allow", "*")]), [])
	[f.aliases | some f in second] == [[]]
	listed := findings(queue_policy, doc([statement("Allow", ["*"])]), [])
	[f.aliases | some f in listed] == [[]]
	service := findings(queue_policy, doc([statement("Allow", "sqs:*")]), [])
	[f.aliases | some f in service] == [[]]
	inline := findings(queue, doc([statement("Allow", "*")]), [])
	[f.aliases | some f in inline] == [[]]
}

# Checkov fails this one too; a Deny grants nothing.
test_deny_of_every_action_passes if {
	t.assert_passes(findings(queue_policy, doc([statement("Deny", "*")]), []), queue_policy)
}
