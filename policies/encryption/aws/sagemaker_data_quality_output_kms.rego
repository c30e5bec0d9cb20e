# METADATA
# title: SageMaker data quality job does not encrypt its reports with a KMS key
# description: >-
#   A data quality monitoring job writes statistics, constraint violations
#   and samples of the captured inference data to S3. Without
#   `data_quality_job_output_config.kms_key_id` those files carry only the
#   bucket's default encryption, with no key you control for them.
# custom:
#   id: PG-AWS-SAGEMAKER-111
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_data_quality_job_definition]
#   aliases: [CKV_AWS_367]
#   remediation: Set `data_quality_job_output_config { kms_key_id = aws_kms_key.monitoring.arn }`.
package planguard.encryption.aws.sagemaker_data_quality_output_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_data_quality_job_definition
	not lib.is_unknown(r, ["data_quality_job_output_config"])
	not keyed(r)
	finding := {
		"msg": sprintf("SageMaker data quality job definition %s does not encrypt its output with a KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "data_quality_job_output_config.kms_key_id",
	}
}

keyed(r) if {
	some b in object.get(r.after, "data_quality_job_output_config", [])
	k := object.get(b, "kms_key_id", null)
	is_string(k)
	k != ""
}

# Set to a value known only after apply, or to another resource's attribute.
keyed(r) if {
	some i, _ in object.get(r.after, "data_quality_job_output_config", [])
	lib.is_unknown(r, ["data_quality_job_output_config", i, "kms_key_id"])
}

keyed(r) if lib.refers_to(r, "data_quality_job_output_config.kms_key_id")
