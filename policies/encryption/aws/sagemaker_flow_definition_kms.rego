# METADATA
# title: SageMaker human review flow does not encrypt its output with a KMS key
# description: >-
#   A flow definition (Augmented AI human review) writes the reviewed inputs,
#   model predictions and the reviewers' answers to S3. Without
#   `output_config.kms_key_id` they carry only the bucket's default
#   encryption, with no key you control for them.
# custom:
#   id: PG-AWS-SAGEMAKER-115
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_flow_definition]
#   aliases: [CKV_AWS_372]
#   remediation: Set `output_config { kms_key_id = aws_kms_key.reviews.arn }`.
package planguard.encryption.aws.sagemaker_flow_definition_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_flow_definition
	not lib.is_unknown(r, ["output_config"])
	not keyed(r)
	finding := {
		"msg": sprintf("SageMaker flow definition %s does not encrypt its output with a KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "output_config.kms_key_id",
	}
}

keyed(r) if {
	some b in object.get(r.after, "output_config", [])
	k := object.get(b, "kms_key_id", null)
	is_string(k)
	k != ""
}

# Set to a value known only after apply, or to another resource's attribute.
keyed(r) if {
	some i, _ in object.get(r.after, "output_config", [])
	lib.is_unknown(r, ["output_config", i, "kms_key_id"])
}

keyed(r) if lib.refers_to(r, "output_config.kms_key_id")
