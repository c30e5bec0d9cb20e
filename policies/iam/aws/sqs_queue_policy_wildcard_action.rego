# METADATA
# title: SQS queue policy allows every action
# description: >-
#   A queue policy statement that allows `*` or `sqs:*` lets the principals
#   it names not only send and receive the queue's messages (training jobs,
#   inference requests) but also purge the queue, delete it and rewrite its
#   policy, and whatever actions SQS adds later.
# custom:
#   id: PG-AWS-SQS-103
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy]
#   aliases: [AVD-AWS-0097]
#   related: [CKV_AWS_72]
#   remediation: >-
#     List the actions each principal needs (for example `sqs:SendMessage`
#     for producers, `sqs:ReceiveMessage` and `sqs:DeleteMessage` for
#     consumers) instead of `*` or `sqs:*`.
package planguard.iam.aws.sqs_queue_policy_wildcard_action

import data.planguard.lib

every_action := {"*", "sqs:*"}

deny contains finding if {
	some type in ["aws_sqs_queue", "aws_sqs_queue_policy"]
	some r in data.planguard.resources_by_type[type]
	policy := object.get(r.after, "policy", null)
	lib.non_empty(policy)
	not lib.is_unknown(r, ["policy"])
	json.is_valid(policy)
	some i, s in statements(json.unmarshal(policy))
	object.get(s, "Effect", "") == "Allow"
	some action in as_list(object.get(s, "Action", []))
	lower(action) in every_action
	finding := {
		"msg": sprintf("%s allows %s on the queue (statement %v).", [r.address, action, i]),
		"resource": r.address,
		"attribute": "policy",
	}
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

as_list(x) := x if is_array(x)

as_list(x) := [x] if is_string(x)
