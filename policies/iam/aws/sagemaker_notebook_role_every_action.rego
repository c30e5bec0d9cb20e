# METADATA
# title: SageMaker notebook instance runs with a role that allows every action
# description: >-
#   Everyone who can open a notebook instance's Jupyter runs code as its
#   execution role. When that role allows `*` (an inline policy, an
#   aws_iam_role_policy, an attached aws_iam_policy or AdministratorAccess),
#   a notebook user, or a package they install, can do anything in the
#   account: read every dataset, create users, delete the models. Only the
#   roles, policies and attachments in the same configuration are followed;
#   a role given as a literal ARN is not judged.
# custom:
#   id: PG-AWS-SAGEMAKER-116
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_sagemaker_notebook_instance]
#   aliases: []
#   related: [CKV2_AWS_70]
#   remediation: >-
#     Give the notebook a role of its own whose policies list the actions
#     notebook users need (for example `sagemaker:CreateTrainingJob`,
#     `s3:GetObject` on the dataset buckets) instead of `*` or
#     AdministratorAccess.
package planguard.iam.aws.sagemaker_notebook_role_every_action

import data.planguard.lib

deny contains finding if {
	some nb in data.planguard.resources_by_type.aws_sagemaker_notebook_instance
	some ref in data.planguard.references[nb.config_address]
	ref.attribute == "role_arn"
	some role in object.get(by_config_address("aws_iam_role"), ref.to, set())
	some source in every_action_grants[role.address]
	finding := {
		"msg": sprintf("SageMaker notebook instance %s runs as role %s, which is allowed every action %s.", [nb.address, role.address, source]),
		"resource": nb.address,
		"attribute": "role_arn",
	}
}

# The resources of `type` by their configuration address, built once per type.
by_config_address(type) := {address: {r |
	some r in data.planguard.resources_by_type[type]
	r.config_address == address
} |
	some x in object.get(data.planguard.resources_by_type, type, [])
	address := x.config_address
}

# Where a role (by its address) is granted every action: "through ...".
every_action_grants[role.address] contains sprintf("through its inline policy \"%s\"", [p.name]) if {
	some role in data.planguard.resources_by_type.aws_iam_role
	some i, p in object.get(role.after, "inline_policy", [])
	not lib.is_unknown(role, ["inline_policy", i, "policy"])
	allows_every_action(p.policy)
}

every_action_grants[role.address] contains sprintf("through %s", [rp.address]) if {
	some role in data.planguard.resources_by_type.aws_iam_role
	some rp in attached(role, "aws_iam_role_policy", "role")
	not lib.is_unknown(rp, ["policy"])
	allows_every_action(rp.after.policy)
}

every_action_grants[role.address] contains sprintf("through %s (policy %s)", [att.address, policy.address]) if {
	some role in data.planguard.resources_by_type.aws_iam_role
	some att in attached(role, "aws_iam_role_policy_attachment", "role")
	some ref in data.planguard.references[att.config_address]
	ref.attribute == "policy_arn"
	some policy in object.get(by_config_address("aws_iam_policy"), ref.to, set())
	not lib.is_unknown(policy, ["policy"])
	allows_every_action(policy.after.policy)
}

every_action_grants[role.address] contains sprintf("through %s (AdministratorAccess)", [att.address]) if {
	some role in data.planguard.resources_by_type.aws_iam_role
	some att in attached(role, "aws_iam_role_policy_attachment", "role")
	not lib.is_unknown(att, ["policy_arn"])
	administrator_access(att.after.policy_arn)
}

every_action_grants[role.address] contains "through managed_policy_arns (AdministratorAccess)" if {
	some role in data.planguard.resources_by_type.aws_iam_role
	some arn in object.get(role.after, "managed_policy_arns", [])
	administrator_access(arn)
}

# The resources of `type` whose `attribute` refers to the role's block.
attached(role, type, attribute) := {r |
	some ref in data.planguard.referrers[role.config_address]
	ref.from_type == type
	ref.attribute == attribute
	some r in object.get(by_config_address(type), ref.from, set())
}

allows_every_action(text) if {
	lib.non_empty(text)
	json.is_valid(text)
	some s in statements(json.unmarshal(text))
	object.get(s, "Effect", "") == "Allow"
	"*" in as_list(object.get(s, "Action", []))
}

administrator_access(arn) if {
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

as_list(x) := x if is_array(x)

as_list(x) := [x] if is_string(x)
