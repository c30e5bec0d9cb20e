# METADATA
# title: SageMaker notebook instance serves IMDSv1
# description: >-
#   A notebook instance runs whatever code its users and their packages
#   bring. While its metadata service answers IMDSv1 requests, a server-side
#   request forgery in any of that code can read the credentials of the
#   notebook's execution role, which usually reaches the training data and
#   model buckets. SageMaker serves IMDSv1 unless
#   `minimum_instance_metadata_service_version` is "2".
# custom:
#   id: PG-AWS-SAGEMAKER-114
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_sagemaker_notebook_instance]
#   aliases: [CKV_AWS_371]
#   defaults:
#     - aws_sagemaker_notebook_instance instance_metadata_service_configuration
#     - aws_sagemaker_notebook_instance instance_metadata_service_configuration.minimum_instance_metadata_service_version
#   remediation: >-
#     Set `instance_metadata_service_configuration {
#     minimum_instance_metadata_service_version = "2" }`.
package planguard.network.aws.sagemaker_notebook_imdsv1

import data.planguard.lib

# The blocks as the cloud will see them: the provider's default block
# (minimum version "1") when the configuration leaves the block out.
blocks(r) := b if {
	b := lib.effective(r, ["instance_metadata_service_configuration"])
	is_array(b)
} else := [] if {
	lib.effective(r, ["instance_metadata_service_configuration"]) == null
}

# No block at all: the notebook serves IMDSv1.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_notebook_instance
	blocks(r) == []
	finding := imdsv1(r)
}

# A block that leaves the version out (the default, "1") or sets "1".
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_notebook_instance
	some i, b in blocks(r)
	minimum_version(r, i, b) != "2"
	finding := imdsv1(r)
}

minimum_version(r, _, b) := b.minimum_instance_metadata_service_version if {
	lib.provider_default(r, ["instance_metadata_service_configuration"])
}

minimum_version(r, i, _) := v if {
	not lib.provider_default(r, ["instance_metadata_service_configuration"])
	v := lib.effective(r, ["instance_metadata_service_configuration", i, "minimum_instance_metadata_service_version"])
}

imdsv1(r) := {
	"msg": sprintf("SageMaker notebook %s serves IMDSv1: code on it can read the execution role's credentials without a session token.", [r.address]),
	"resource": r.address,
	"attribute": "instance_metadata_service_configuration.minimum_instance_metadata_service_version",
}
