# METADATA
# title: SageMaker model registry group is shared with everyone
# description: >-
#   A model package group policy that allows Principal "*" without a
#   condition that binds the caller (aws:PrincipalOrgID, aws:PrincipalAccount
#   ...) lets any AWS account list, describe and pull the registered model
#   versions (their artifacts and inference images): the model itself leaks.
#   A condition that only says how the request is made (aws:SecureTransport)
#   does not count, and an Allow with NotPrincipal (every principal but the
#   ones it names) counts as "*".
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
import data.planguard.lib.aws_iam

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_model_package_group_policy
	not lib.is_unknown(r, ["resource_policy"])
	doc := json.unmarshal(r.after.resource_policy)
	some i, s in aws_iam.statements(doc)
	aws_iam.public_statement(s)
	finding := {
		"msg": sprintf("%s shares the model package group with every AWS account (statement %v).", [r.address, i]),
		"resource": r.address,
		"attribute": "resource_policy",
	}
}
