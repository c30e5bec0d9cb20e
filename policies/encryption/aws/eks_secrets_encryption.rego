# METADATA
# title: EKS cluster does not encrypt Kubernetes secrets with a KMS key
# description: >-
#   Kubernetes secrets on a training or serving cluster hold registry
#   credentials, API tokens and database passwords. Envelope encryption with a
#   customer-managed KMS key (`encryption_config` with resources ["secrets"])
#   keeps them unreadable from an etcd backup and lets you audit and revoke
#   their decryption.
# custom:
#   id: PG-AWS-EKS-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_eks_cluster]
#   aliases: [CKV_AWS_58, AVD-AWS-0039]
#   remediation: >-
#     Add `encryption_config { resources = ["secrets"], provider { key_arn =
#     aws_kms_key.eks.arn } }`.
package planguard.encryption.aws.eks_secrets_encryption

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_eks_cluster
	not encrypts_secrets(r)
	not lib.unknown_in_blocks(r, "encryption_config", "resources")
	finding := {
		"msg": sprintf("EKS cluster %s does not encrypt Kubernetes secrets with a KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "encryption_config",
	}
}

encrypts_secrets(r) if {
	some b in object.get(r.after, "encryption_config", [])
	"secrets" in object.get(b, "resources", [])
}
