# METADATA
# title: AMI copy is not encrypted with a customer-managed KMS key
# description: >-
#   An aws_ami_copy without `encrypted = true` (the default is false) keeps
#   the source's encryption, possibly none; without `kms_key_id` it uses the
#   AWS-managed EBS key, whose policy you cannot change. Images copied into
#   the platform's account should be re-encrypted with a key it controls.
# custom:
#   id: PG-AWS-EC2-106
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ami_copy]
#   aliases: [CKV_AWS_235, CKV_AWS_236]
#   remediation: >-
#     Set `encrypted = true` and `kms_key_id = aws_kms_key.<name>.arn`.
package planguard.encryption.aws.ami_copy_customer_key

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ami_copy
	not lib.is_unknown(r, ["encrypted"])
	object.get(r.after, "encrypted", null) != true
	finding := {
		"msg": sprintf("AMI copy %s is not encrypted.", [r.address]),
		"resource": r.address,
		"attribute": "encrypted",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ami_copy
	lib.is_true(r, ["encrypted"])
	not lib.is_unknown(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	object.get(r.after, "kms_key_id", null) in {null, ""}
	finding := {
		"msg": sprintf("AMI copy %s is encrypted with the AWS-managed EBS key, not a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
