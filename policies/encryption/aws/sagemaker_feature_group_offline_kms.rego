# METADATA
# title: SageMaker feature group offline store is not encrypted with a customer key
# description: >-
#   The offline store of a feature group is the historical training data set,
#   written as Parquet files to S3. Without `s3_storage_config.kms_key_id` the
#   files carry whatever default encryption the bucket has, with no key you
#   control for this data.
# custom:
#   id: PG-AWS-SAGEMAKER-103
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_feature_group]
#   aliases: []
#   remediation: Set `offline_store_config { s3_storage_config { kms_key_id = aws_kms_key.features.arn } }`.
package planguard.encryption.aws.sagemaker_feature_group_offline_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_feature_group
	some i, store in object.get(r.after, "offline_store_config", [])
	some j, s3 in object.get(store, "s3_storage_config", [])
	not lib.pending(r, ["offline_store_config", i, "s3_storage_config", j, "kms_key_id"])
	not lib.non_empty(object.get(s3, "kms_key_id", null))
	finding := {
		"msg": sprintf("The offline store of SageMaker feature group %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("offline_store_config.%v.s3_storage_config.%v.kms_key_id", [i, j]),
	}
}
