# METADATA
# title: IAM policy grants every action of a sensitive service on every resource
# description: >-
#   A statement that allows a service-wide wildcard such as `iam:*`, `s3:*`,
#   `kms:*` or `sagemaker:*` on Resource "*" gives full control of that
#   service across the account: `iam:*` is administrator access by another
#   name, `s3:*` reads and deletes every dataset and model bucket. Statements
#   narrowed by a Condition are not reported, except for `iam:*`, which is
#   reported on any resource and whatever its Condition: full control of one
#   role or user is enough to make it an administrator (rewrite its trust
#   policy, attach AdministratorAccess). Identity policies and IAM Identity
#   Center permission sets' inline policies are read; `*` alone is
#   PG-AWS-IAM-001's and PG-AWS-IAM-007's.
# custom:
#   id: PG-AWS-IAM-101
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   aliases: []
#   narrower: [CKV2_AWS_40]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "1.16"
#   remediation: >-
#     List the actions the workload needs (for example `s3:GetObject`,
#     `s3:PutObject`) on the ARNs it needs (the bucket and its prefix); grant
#     IAM actions one by one on the roles they manage.
package planguard.iam.aws.iam_service_wildcard

import data.planguard.lib

policy_types := [
	"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy",
	"aws_ssoadmin_permission_set_inline_policy",
]

# The attribute that holds each type's document.
document_attribute(t) := "inline_policy" if t == "aws_ssoadmin_permission_set_inline_policy"

document_attribute(t) := "policy" if t != "aws_ssoadmin_permission_set_inline_policy"

sensitive_services := {
	"iam", "sts", "organizations", "kms", "s3", "secretsmanager", "ssm", "sagemaker", "ec2",
	"lambda", "ecr", "eks", "dynamodb", "rds", "glue", "bedrock", "cloudtrail", "logs",
}

deny contains finding if {
	some t in policy_types
	some r in data.planguard.resources_by_type[t]
	attribute := document_attribute(t)
	not lib.is_unknown(r, [attribute])
	doc := json.unmarshal(r.after[attribute])
	some i, s in statements(doc)
	object.get(s, "Effect", "") == "Allow"
	some action in as_list(object.get(s, "Action", []))
	service := wildcard_service(action)
	reported(service, s)
	finding := object.union(
		{
			"msg": sprintf("%s allows %s:* on %s (statement %v).", [r.address, service, where(s), i]),
			"resource": r.address,
			"attribute": attribute,
		},
		checks_failing(s),
	)
}

# A sensitive service other than IAM: on every resource, without a Condition.
reported(service, s) if {
	service != "iam"
	service in sensitive_services
	not s.Condition
	"*" in as_list(object.get(s, "Resource", []))
}

# iam:* on any resource, whatever the Condition.
reported(service, _) if service == "iam"

where(s) := "every resource" if "*" in as_list(object.get(s, "Resource", []))

where(s) := concat(", ", rs) if {
	rs := as_list(object.get(s, "Resource", []))
	count(rs) > 0
	not "*" in rs
}

where(s) := "every resource but those its NotResource names" if {
	count(as_list(object.get(s, "Resource", []))) == 0
}

# CKV2_AWS_40 fails an Allow (written exactly so) whose actions hold "iam:*"
# exactly, whatever its resource or Condition: its finding names the check.
checks_failing(s) := {"aliases": ["CKV2_AWS_40"]} if {
	s.Effect == "Allow"
	"iam:*" in as_list(object.get(s, "Action", []))
} else := {}

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
