# METADATA
# title: SageMaker notebook users have root access
# description: >-
#   With `root_access = "Enabled"` (the default), every user of the notebook
#   can become root: install anything, read other users' files and the
#   instance's credentials, and change the instance's network and security
#   tooling.
# custom:
#   id: PG-AWS-SAGEMAKER-105
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_sagemaker_notebook_instance]
#   aliases: [CKV_AWS_307]
#   remediation: >-
#     Set `root_access = "Disabled"`; lifecycle configurations still run as
#     root, so install system packages there.
package planguard.iam.aws.sagemaker_notebook_root_access

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_notebook_instance
	object.get(r.after, "root_access", null) != "Disabled"
	not lib.is_unknown(r, ["root_access"])
	finding := {
		"msg": sprintf("SageMaker notebook %s gives its users root access.", [r.address]),
		"resource": r.address,
		"attribute": "root_access",
	}
}
