# METADATA
# title: ECR repository is not encrypted with KMS
# description: >-
#   Training and serving images often bake in model weights, tokenizer files
#   and internal code. ECR encrypts with AES-256 under an AWS-owned key unless
#   KMS is chosen; with KMS, pulls are logged against a key you can restrict.
# custom:
#   id: PG-AWS-ECR-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ecr_repository]
#   aliases: [CKV_AWS_136, AVD-AWS-0033]
#   remediation: >-
#     Add `encryption_configuration { encryption_type = "KMS", kms_key =
#     aws_kms_key.k.arn }`; the repository is replaced, so push images again.
package planguard.encryption.aws.ecr_repository_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ecr_repository
	not kms(r)
	not lib.unknown_in_blocks(r, "encryption_configuration", "encryption_type")
	finding := {
		"msg": sprintf("ECR repository %s is encrypted with an AWS-owned key instead of KMS.", [r.address]),
		"resource": r.address,
		"attribute": "encryption_configuration",
	}
}

kms(r) if {
	some b in object.get(r.after, "encryption_configuration", [])
	startswith(object.get(b, "encryption_type", ""), "KMS")
}
