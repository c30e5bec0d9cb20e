# METADATA
# title: SageMaker data quality job does not encrypt its processing volume with a KMS key
# description: >-
#   The instances of a data quality monitoring job copy the captured
#   inference requests and responses (often personal data) onto their ML
#   storage volume to analyse them. Without
#   `job_resources.cluster_config.volume_kms_key_id` that volume is encrypted
#   with a key you cannot restrict or revoke.
# custom:
#   id: PG-AWS-SAGEMAKER-112
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_data_quality_job_definition]
#   aliases: [CKV_AWS_368]
#   remediation: Set `job_resources { cluster_config { volume_kms_key_id = aws_kms_key.monitoring.arn } }`.
package planguard.encryption.aws.sagemaker_data_quality_volume_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_data_quality_job_definition
	not lib.is_unknown(r, ["job_resources"])
	not keyed(r)
	finding := {
		"msg": sprintf("SageMaker data quality job definition %s does not encrypt its processing volume with a KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "job_resources.cluster_config.volume_kms_key_id",
	}
}

cluster_configs(r) := [[i, j, c] |
	some i, res in object.get(r.after, "job_resources", [])
	some j, c in object.get(res, "cluster_config", [])
]

keyed(r) if {
	some [_, _, c] in cluster_configs(r)
	k := object.get(c, "volume_kms_key_id", null)
	is_string(k)
	k != ""
}

# Set to a value known only after apply (the block or the key), or to another resource's attribute.
keyed(r) if {
	some i, _ in object.get(r.after, "job_resources", [])
	lib.is_unknown(r, ["job_resources", i, "cluster_config"])
}

keyed(r) if {
	some [i, j, _] in cluster_configs(r)
	lib.is_unknown(r, ["job_resources", i, "cluster_config", j, "volume_kms_key_id"])
}

keyed(r) if lib.refers_to(r, "job_resources.cluster_config.volume_kms_key_id")
