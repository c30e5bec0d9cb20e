package planguard.iam.aws.role_trusts_account_without_external_id_test

import data.planguard.iam.aws.role_trusts_account_without_external_id as policy
import data.planguard.lib.test as t

role := "aws_iam_role.vendor"

findings(trust, unknown_paths) := found if {
	after := {"name": "vendor", "assume_role_policy": json.marshal(trust)}
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(role, after, unknown_paths)
}

trust(principal, condition) := {"Version": "2012-10-17", "Statement": [object.union(
	{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": principal}},
	condition,
)]}

external_id := {"Condition": {"StringEquals": {"sts:ExternalId": "f7c1-labelling"}}}

test_account_root_without_external_id_is_denied if {
	t.assert_denied(findings(trust("arn:aws:iam::111122223333:root", {}), []), role, "assume_role_policy")
	t.assert_denied(findings(trust(["arn:aws:iam::444455556666:role/ci", "111122223333"], {}), []), role, "assume_role_policy")
}

# Only sts:ExternalId binds the trust; other conditions do not count here.
test_other_condition_is_denied if {
	cond := {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}
	t.assert_denied(findings(trust("111122223333", cond), []), role, "assume_role_policy")
}

# The ExternalId condition counts only on a statement that names sts:AssumeRole.
test_external_id_on_wildcard_action_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "sts:*", "Principal": {"AWS": "111122223333"}, "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}]}
	t.assert_denied(findings(doc, []), role, "assume_role_policy")
}

test_external_id_passes if {
	t.assert_passes(findings(trust("arn:aws:iam::111122223333:root", external_id), []), role)
	doc := {"Statement": {"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Principal": {"AWS": "111122223333"}, "Condition": {"StringLike": {"sts:ExternalId": "x*"}}}}
	t.assert_passes(findings(doc, []), role)
}

test_named_role_and_service_principals_pass if {
	t.assert_passes(findings(trust("arn:aws:iam::111122223333:role/ci", {}), []), role)
	doc := {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "sagemaker.amazonaws.com"}}]}
	t.assert_passes(findings(doc, []), role)
}

test_deny_statement_passes if {
	doc := {"Statement": [{"Effect": "Deny", "Action": "sts:AssumeRole", "Principal": {"AWS": "111122223333"}}]}
	t.assert_passes(findings(doc, []), role)
}

test_policy_known_after_apply_is_not_judged if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(role, {"name": "vendor"}, ["assume_role_policy"])
	t.assert_passes(found, role)
}

test_message_names_the_account if {
	some f in findings(trust("arn:aws:iam::111122223333:root", {}), [])
	contains(f.msg, "111122223333")
}

# A redacted or malformed policy cannot be read: nothing to report, and no error.
test_unreadable_policy_passes if {
	redacted := policy.deny with data.planguard.resources_by_type as t.one_resource(role, {"assume_role_policy": "(sensitive value)"}, [])
	t.assert_passes(redacted, role)
}
