# METADATA
# title: IAM policy grants every action of a sensitive service on every resource
# description: >-
#   A statement that allows a service-wide wildcard such as `iam:*`, `s3:*`,
#   `kms:*` or `sagemaker:*` on Resource "*" gives full control of that
#   service across the account: `iam:*` is administrator access by another
#   name, `s3:*` reads and deletes every dataset and model bucket. Statements
#   narrowed by a Condition are not reported; `*` alone is PG-AWS-IAM-001.
# custom:
#   id: PG-AWS-IAM-101
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#   aliases: []
#   related: [CKV2_AWS_40]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "1.16"
#   remediation: >-
#     List the actions the workload needs (for example `s3:GetObject`,
#     `s3:PutObject`) on the ARNs it needs (the bucket and its prefix).
package planguard.iam.aws.iam_service_wildcard

import data.planguard.lib

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

sensitive_services := {
	"iam", "sts", "organizations", "kms", "s3", "secretsmanager", "ssm", "sagemaker", "ec2",
	"lambda", "ecr", "eks", "dynamodb", "rds", "glue", "bedrock", "cloudtrail", "logs",
}

deny contains finding if {
	some t in policy_types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["policy"])
	doc := json.unmarshal(r.after.policy)
	some i, s in statements(doc)
	object.get(s, "Effect", "") == "Allow"
	not s.Condition
	"*" in as_list(object.get(s, "Resource", []))
	some action in as_list(object.get(s, "Action", []))
	service := wildcard_service(action)
	service in sensitive_services
	finding := {
		"msg": sprintf("%s allows %s:* on every resource (statement %v).", [r.address, service, i]),
		"resource": r.address,
		"attribute": "policy",
	}
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

as_list(x) := x if is_array(x)

as_list(x) := [x] if is_string(x)

# "s3:*" -> "s3" (action names are case-insensitive, so "S3:*" too).
wildcard_service(action) := service if {
	is_string(action)
	parts := split(lower(action), ":")
	count(parts) == 2
	parts[1] == "*"
	service := parts[0]
	service != "*"
}
