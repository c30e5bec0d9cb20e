# METADATA
# title: Secrets Manager secret is not encrypted with a customer-managed key
# description: >-
#   Secrets for ML pipelines (database passwords, API keys for model
#   providers, Hugging Face tokens) are encrypted with the AWS-managed
#   aws/secretsmanager key unless `kms_key_id` names one. A customer-managed
#   key adds a key policy that must also allow decryption, and lets the
#   secret be shared across accounts.
# custom:
#   id: PG-AWS-SECRETSMANAGER-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_secretsmanager_secret]
#   aliases: [CKV_AWS_149, AVD-AWS-0098]
#   remediation: Set `kms_key_id` to a customer-managed KMS key.
package planguard.encryption.aws.secretsmanager_secret_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_secretsmanager_secret
	not lib.pending(r, ["kms_key_id"])
	not customer_key(r)
	finding := {
		"msg": sprintf("Secret %s is encrypted with the AWS-managed key instead of a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

customer_key(r) if {
	k := r.after.kms_key_id
	lib.non_empty(k)
	not endswith(k, "alias/aws/secretsmanager")
}
