# METADATA
# title: SageMaker domain does not encrypt its home directories with a customer key
# description: >-
#   A SageMaker Studio domain keeps every user's home directory (notebooks,
#   downloaded datasets, cached credentials) on an EFS volume. Without
#   `kms_key_id` that volume is encrypted with an AWS-managed key you cannot
#   restrict or revoke.
# custom:
#   id: PG-AWS-SAGEMAKER-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_domain]
#   aliases: [CKV_AWS_187]
#   remediation: Set `kms_key_id` to a customer-managed KMS key (the domain is replaced).
package planguard.encryption.aws.sagemaker_domain_kms

# Checkov's CKV_AWS_187 also judges notebook instances, as PG-AWS-SAGEMAKER-001
# does (carrying the id too).

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_domain
	not lib.non_empty(object.get(r.after, "kms_key_id", null))
	not lib.pending(r, ["kms_key_id"])
	finding := {
		"msg": sprintf("SageMaker domain %s does not encrypt its storage with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
