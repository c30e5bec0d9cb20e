# METADATA
# title: SageMaker endpoint configuration does not encrypt its storage with a KMS key
# description: >-
#   The ML storage volume attached to each instance behind an inference
#   endpoint holds the model artifacts it serves. Without `kms_key_arn` it is
#   encrypted with an AWS-managed key you cannot restrict or revoke. Instance
#   types with local NVMe storage (g4dn, g5, p4d, p5, ... and the "d" types)
#   cannot take a key: their storage is hardware-encrypted, so endpoints using
#   them are not reported. A serverless variant takes a key too (SageMaker
#   encrypts the serverless endpoint's copy of the image and model with it).
# custom:
#   id: PG-AWS-SAGEMAKER-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sagemaker_endpoint_configuration]
#   aliases: [CKV_AWS_98]
#   remediation: Set `kms_key_arn` to a customer-managed KMS key.
package planguard.encryption.aws.sagemaker_endpoint_config_kms

# Checkov's CKV_AWS_98 fails every configuration without kms_key_arn, also
# one with a variant whose NVMe instance storage cannot take a key (the API
# refuses the key there): that one passes here on purpose
# (docs/coverage/aws-data.json says so as `differs`).

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_endpoint_configuration
	not lib.non_empty(object.get(r.after, "kms_key_arn", null))
	not lib.pending(r, ["kms_key_arn"])
	not lib.is_unknown(r, ["production_variants"])
	variants := object.get(r.after, "production_variants", [])
	count(variants) > 0
	every v in variants {
		can_take_key(v)
	}
	finding := {
		"msg": sprintf("SageMaker endpoint configuration %s does not encrypt its ML storage volumes with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_arn",
	}
}

# An instance-backed variant whose instance type has no local NVMe storage.
can_take_key(v) if {
	t := v.instance_type
	is_string(t)
	not local_storage(t)
}

# A serverless variant (no instance type; the key encrypts what SageMaker
# stores for the serverless endpoint).
can_take_key(v) if {
	not is_string(object.get(v, "instance_type", null))
	count(object.get(v, "serverless_config", [])) > 0
}

local_storage(t) if regex.match(`^ml\.(g4dn|g5|g6|g6e|gr6|p3dn|p4d|p4de|p5|p5e|p5en|p6-b200|trn1|trn1n|trn2)\.`, t)

# m5d, c5d, r5d, c6id, ... : the "d" suffix marks instance storage.
local_storage(t) if regex.match(`^ml\.[a-z]+[0-9]+[a-z]*d[n]?\.`, t)
