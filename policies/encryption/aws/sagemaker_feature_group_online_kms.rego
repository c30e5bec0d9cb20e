# METADATA
# title: SageMaker feature group online store is not encrypted with a customer key
# description: >-
#   The online store serves the latest feature values to inference. Without
#   `security_config.kms_key_id` it is encrypted with an AWS-owned key that
#   you cannot audit or revoke.
# custom:
#   id: PG-AWS-SAGEMAKER-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_feature_group]
#   aliases: []
#   remediation: Set `online_store_config { security_config { kms_key_id = aws_kms_key.features.arn } }`.
package planguard.encryption.aws.sagemaker_feature_group_online_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_feature_group
	some i, store in object.get(r.after, "online_store_config", [])
	store.enable_online_store == true
	not lib.is_unknown(r, ["online_store_config", i, "security_config"])
	not lib.refers_to(r, "online_store_config.security_config.kms_key_id")
	not key_set(r, i, store)
	finding := {
		"msg": sprintf("The online store of SageMaker feature group %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("online_store_config.%v.security_config", [i]),
	}
}

key_set(_, _, store) if {
	some sc in object.get(store, "security_config", [])
	lib.non_empty(object.get(sc, "kms_key_id", null))
}

key_set(r, i, store) if {
	some j, _ in object.get(store, "security_config", [])
	lib.is_unknown(r, ["online_store_config", i, "security_config", j, "kms_key_id"])
}
