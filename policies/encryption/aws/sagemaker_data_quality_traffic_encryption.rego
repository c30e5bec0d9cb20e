# METADATA
# title: SageMaker data quality job does not encrypt traffic between its instances
# description: >-
#   A data quality monitoring job that runs on more than one instance passes
#   the captured inference data between them. Unless
#   `network_config.enable_inter_container_traffic_encryption` is true, that
#   traffic crosses the VPC in clear.
# custom:
#   id: PG-AWS-SAGEMAKER-113
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_data_quality_job_definition]
#   aliases: [CKV_AWS_369]
#   remediation: Set `network_config { enable_inter_container_traffic_encryption = true }`.
package planguard.encryption.aws.sagemaker_data_quality_traffic_encryption

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_data_quality_job_definition
	# Left out (attribute or block), the traffic is not encrypted.
	not lib.is_unknown(r, ["network_config"])
	not encrypted_or_undecided(r)
	finding := {
		"msg": sprintf("SageMaker data quality job definition %s does not encrypt the traffic between its instances.", [r.address]),
		"resource": r.address,
		"attribute": "network_config.enable_inter_container_traffic_encryption",
	}
}

encrypted_or_undecided(r) if {
	some b in object.get(r.after, "network_config", [])
	b.enable_inter_container_traffic_encryption == true
}

encrypted_or_undecided(r) if {
	some i, _ in object.get(r.after, "network_config", [])
	lib.is_unknown(r, ["network_config", i, "enable_inter_container_traffic_encryption"])
}
