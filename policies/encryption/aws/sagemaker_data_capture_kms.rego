# METADATA
# title: SageMaker endpoint data capture is not encrypted with a customer key
# description: >-
#   Data capture writes the requests and responses an endpoint serves
#   (prompts, features, predictions, often personal data) to S3. Without
#   `data_capture_config.kms_key_id` the captured payloads get only the
#   bucket's default encryption, with no key that limits who can read them.
# custom:
#   id: PG-AWS-SAGEMAKER-110
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_endpoint_configuration]
#   aliases: []
#   remediation: Set `data_capture_config { kms_key_id = aws_kms_key.capture.arn }`.
package planguard.encryption.aws.sagemaker_data_capture_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_endpoint_configuration
	some i, capture in object.get(r.after, "data_capture_config", [])
	object.get(capture, "enable_capture", true) != false
	not lib.pending(r, ["data_capture_config", i, "kms_key_id"])
	not lib.non_empty(object.get(capture, "kms_key_id", null))
	finding := {
		"msg": sprintf("SageMaker endpoint configuration %s captures inference payloads without a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("data_capture_config.%v.kms_key_id", [i]),
	}
}
