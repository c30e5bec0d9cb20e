# METADATA
# title: Symmetric KMS key does not rotate automatically
# description: >-
#   Customer-managed symmetric keys protect datasets, model artifacts and
#   secrets. Without automatic rotation the same key material is used
#   forever, which widens the impact of any exposure. Asymmetric and HMAC keys
#   and keys in a custom key store cannot rotate automatically and are not
#   reported.
# custom:
#   id: PG-AWS-KMS-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_kms_key]
#   aliases: [CKV_AWS_7, AVD-AWS-0065]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "3.6"
#   remediation: Set `enable_key_rotation = true` (optionally `rotation_period_in_days`).
package planguard.encryption.aws.kms_key_rotation

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_kms_key
	not lib.is_true(r, ["enable_key_rotation"])
	not lib.is_unknown(r, ["enable_key_rotation"])
	symmetric(r)
	not custom_key_store(r)
	finding := {
		"msg": sprintf("KMS key %s does not rotate its key material automatically.", [r.address]),
		"resource": r.address,
		"attribute": "enable_key_rotation",
	}
}

symmetric(r) if {
	object.get(r.after, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(r.after, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	not lib.is_unknown(r, ["customer_master_key_spec"])
}

custom_key_store(r) if lib.is_unknown(r, ["custom_key_store_id"])

custom_key_store(r) if {
	s := r.after.custom_key_store_id
	lib.non_empty(s)
}
