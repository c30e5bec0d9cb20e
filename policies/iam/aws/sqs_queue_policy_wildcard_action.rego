# METADATA
# title: SQS queue policy allows every action
# description: >-
#   A queue policy statement that allows `*` or `sqs:*` lets the principals
#   it names not only send and receive the queue's messages (training jobs,
#   inference requests) but also purge the queue, delete it and rewrite its
#   policy, and whatever actions SQS adds later. Checkov's CKV_AWS_72 is
#   named on the findings it also raises.
# custom:
#   id: PG-AWS-SQS-103
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy]
#   aliases: [AVD-AWS-0097]
#   narrower: [CKV_AWS_72]
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
	doc := json.unmarshal(policy)
	some i, s in statements(doc)
	object.get(s, "Effect", "") == "Allow"
	some action in as_list(object.get(s, "Action", []))
	lower(action) in every_action
	finding := {
		"msg": sprintf("%s allows %s on the queue (statement %v).", [r.address, action, i]),
		"resource": r.address,
		"attribute": "policy",
		"aliases": checkov_ids(type, doc, i),
	}
}

# Checkov's CKV_AWS_72 reads only aws_sqs_queue_policy, only the first
# statement of a Statement list, and only an Action that is the string "*".
# It fails that statement whatever its Effect; a Deny of every action grants
# nothing and passes here on purpose (docs/coverage/aws-data.json says so as
# `differs`).
checkov_ids(type, doc, i) := ["CKV_AWS_72"] if {
	type == "aws_sqs_queue_policy"
	is_array(doc.Statement)
	i == 0
	doc.Statement[0].Action == "*"
} else := []

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

as_list(x) := x if is_array(x)

as_list(x) := [x] if is_string(x)
