# METADATA
# title: SageMaker model registry group is shared with everyone
# description: >-
#   A model package group policy that allows Principal "*" without a
#   condition lets any AWS account list, describe and pull the registered
#   model versions (their artifacts and inference images): the model itself
#   leaks.
# custom:
#   id: PG-AWS-SAGEMAKER-109
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_sagemaker_model_package_group_policy]
#   aliases: []
#   remediation: >-
#     Name the consuming accounts or roles as principals, or add an
#     aws:PrincipalOrgID condition.
package planguard.iam.aws.sagemaker_model_package_group_public

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_model_package_group_policy
	not lib.is_unknown(r, ["resource_policy"])
	doc := json.unmarshal(r.after.resource_policy)
	some i, s in statements(doc)
	object.get(s, "Effect", "") == "Allow"
	not s.Condition
	everyone(s.Principal)
	finding := {
		"msg": sprintf("%s shares the model package group with every AWS account (statement %v).", [r.address, i]),
		"resource": r.address,
		"attribute": "resource_policy",
	}
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

everyone(p) if p == "*"

everyone(p) if p.AWS == "*"

everyone(p) if {
	is_array(p.AWS)
	"*" in p.AWS
}
