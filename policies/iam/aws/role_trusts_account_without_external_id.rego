# METADATA
# title: Role trusts a whole AWS account without an sts:ExternalId condition
# description: >-
#   A trust policy that allows an account (its 12-digit id or its :root ARN)
#   lets every principal in that account whose own policies allow
#   sts:AssumeRole take the role. When the account is a vendor's (a labelling
#   service, an MLOps SaaS), the vendor's other customers can ask it to act on
#   your role: the confused deputy. An sts:ExternalId condition on an
#   sts:AssumeRole statement binds the trust to the identifier only you and
#   the vendor know. Naming the trusted role or user ARN narrows it further.
#   As the check it mirrors, the rule reports account principals of your own
#   account too; waive those where IAM policies are meant to decide.
# custom:
#   id: PG-AWS-IAM-110
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_role]
#   aliases: [CKV_AWS_61]
#   remediation: >-
#     Name the role or user ARNs that may assume the role instead of the
#     account, or add `Condition = { StringEquals = { "sts:ExternalId" = "<id>" } }`
#     to the sts:AssumeRole statement.
package planguard.iam.aws.role_trusts_account_without_external_id

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_iam_role
	not lib.pending(r, ["assume_role_policy"])
	doc := json.unmarshal(r.after.assume_role_policy)
	some s in statements(doc)
	object.get(s, "Effect", "") != "Deny"
	not external_id_bound(s)
	some p in aws_principals(s)
	whole_account(p)
	finding := {
		"msg": sprintf("Role %s trusts every principal of account %s without an sts:ExternalId condition.", [r.address, account_of(p)]),
		"resource": r.address,
		"attribute": "assume_role_policy",
	}
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

aws_principals(s) := [p | some p in s.Principal.AWS] if is_array(s.Principal.AWS)

aws_principals(s) := [s.Principal.AWS] if is_string(s.Principal.AWS)

# An account id, or the account's root ARN (which stands for the whole
# account, not the root user).
whole_account(p) if regex.match(`^[0-9]{12}`, p)

whole_account(p) if regex.match(`^arn:aws:iam::[0-9]{12}:root`, p)

account_of(p) := regex.find_n(`[0-9]{12}`, p, 1)[0]

# The statement allows sts:AssumeRole and requires sts:ExternalId under some
# condition operator.
external_id_bound(s) if {
	assume_role(s.Action)
	some _, keys in s.Condition
	is_object(keys)
	keys["sts:ExternalId"]
}

assume_role(a) if a == "sts:AssumeRole"

assume_role(a) if {
	is_array(a)
	"sts:AssumeRole" in a
}
