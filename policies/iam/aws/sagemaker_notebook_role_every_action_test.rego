package planguard.iam.aws.sagemaker_notebook_role_every_action_test

import data.planguard.iam.aws.sagemaker_notebook_role_every_action as policy
import data.planguard.lib.test as t

notebook := "aws_sagemaker_notebook_instance.research"

role := "aws_iam_role.notebook"

res(address, after, unknown_paths) := {
	"address": address,
	"config_address": address,
	"type": split(address, ".")[0],
	"after": after,
	"unknown_paths": unknown_paths,
}

doc(action) := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]})

nb := res(notebook, {"instance_type": "ml.t3.medium", "role_arn": null}, ["role_arn"])

# The notebook's role_arn refers to the role.
notebook_refs := {notebook: [{"attribute": "role_arn", "to": role}]}

# A plan holding the notebook, the role and `others`; `refs` and `referrers`
# besides the notebook's reference to the role.
findings(role_after, others, refs, referrers) := found if {
	resources := array.concat([nb, res(role, role_after, [])], others)
	by_type := {type: [r | some r in resources; r.type == type] | some r in resources; type := r.type}
	found := policy.deny with data.planguard.resources_by_type as by_type
		with data.planguard.references as object.union(notebook_refs, refs)
		with data.planguard.referrers as referrers
}

test_inline_policy_allowing_every_action_is_denied if {
	found := findings({"inline_policy": [{"name": "all", "policy": doc("*")}]}, [], {}, {})
	t.assert_denied(found, notebook, "role_arn")
}

test_role_policy_allowing_every_action_is_denied if {
	rp := res("aws_iam_role_policy.all", {"name": "all", "role": null, "policy": doc(["s3:GetObject", "*"])}, ["role"])
	referrers := {role: [{"attribute": "role", "from": "aws_iam_role_policy.all", "from_type": "aws_iam_role_policy"}]}
	t.assert_denied(findings({}, [rp], {}, referrers), notebook, "role_arn")
}

test_attached_policy_allowing_every_action_is_denied if {
	pol := res("aws_iam_policy.all", {"name": "all", "policy": doc("*")}, [])
	att := res("aws_iam_role_policy_attachment.all", {"role": null, "policy_arn": null}, ["role", "policy_arn"])
	refs := {"aws_iam_role_policy_attachment.all": [{"attribute": "role", "to": role}, {"attribute": "policy_arn", "to": "aws_iam_policy.all"}]}
	referrers := {role: [{"attribute": "role", "from": "aws_iam_role_policy_attachment.all", "from_type": "aws_iam_role_policy_attachment"}]}
	t.assert_denied(findings({}, [pol, att], refs, referrers), notebook, "role_arn")
}

test_administrator_access_is_denied if {
	att := res("aws_iam_role_policy_attachment.admin", {"role": "notebook", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}, [])
	referrers := {role: [{"attribute": "role", "from": "aws_iam_role_policy_attachment.admin", "from_type": "aws_iam_role_policy_attachment"}]}
	t.assert_denied(findings({}, [att], {}, referrers), notebook, "role_arn")
	t.assert_denied(findings({"managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}, [], {}, {}), notebook, "role_arn")
}

test_listed_actions_pass if {
	rp := res("aws_iam_role_policy.s3", {"name": "s3", "role": null, "policy": doc(["s3:GetObject", "sagemaker:*"])}, ["role"])
	referrers := {role: [{"attribute": "role", "from": "aws_iam_role_policy.s3", "from_type": "aws_iam_role_policy"}]}
	t.assert_passes(findings({"inline_policy": [{"name": "read", "policy": doc("s3:GetObject")}]}, [rp], {}, referrers), notebook)
}

# A policy that allows * but is attached to another role.
test_other_roles_policies_pass if {
	rp := res("aws_iam_role_policy.all", {"name": "all", "role": "other", "policy": doc("*")}, [])
	t.assert_passes(findings({}, [rp], {}, {}), notebook)
}

test_policy_known_after_apply_is_not_denied if {
	rp := res("aws_iam_role_policy.all", {"name": "all", "role": null}, ["role", "policy"])
	referrers := {role: [{"attribute": "role", "from": "aws_iam_role_policy.all", "from_type": "aws_iam_role_policy"}]}
	t.assert_passes(findings({"inline_policy": [{"name": "later"}]}, [rp], {}, referrers), notebook)
}

# A role given as a literal ARN is outside the configuration: not judged.
test_role_outside_the_configuration_is_not_judged if {
	literal := res(notebook, {"instance_type": "ml.t3.medium", "role_arn": "arn:aws:iam::111122223333:role/admin"}, [])
	t.assert_passes(policy.deny, notebook) with data.planguard.resources_by_type as {"aws_sagemaker_notebook_instance": [literal]}
		with data.planguard.references as {}
		with data.planguard.referrers as {}
}
