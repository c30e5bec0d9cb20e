# METADATA
# title: EBS volume is not encrypted with a customer-managed KMS key
# description: >-
#   Without kms_key_id an encrypted volume uses the AWS-managed key
#   alias/aws/ebs, whose key policy you cannot change: every principal in the
#   account allowed to use EBS can use it, and access to the volume's
#   snapshots cannot be revoked by disabling the key. Volumes holding
#   datasets and checkpoints should name a customer-managed key. A volume is
#   not reported when the plan sets the region's default EBS key
#   (aws_ebs_default_kms_key), which then encrypts it. A volume that is not
#   encrypted at all has no customer key either: it is reported here too,
#   beside PG-AWS-EBS-001's finding.
# custom:
#   id: PG-AWS-EBS-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ebs_volume]
#   aliases: [CKV_AWS_189, AVD-AWS-0027]
#   defaults:
#     - aws_ebs_volume encrypted
#     - aws_ebs_volume kms_key_id
#   remediation: >-
#     Set `encrypted = true` and `kms_key_id = aws_kms_key.<name>.arn`, or set a
#     customer-managed default for the region with `aws_ebs_default_kms_key`.
package planguard.encryption.aws.ebs_volume_customer_key

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ebs_volume
	not lib.refers_to(r, "kms_key_id")
	# Undefined while the key the author set is known only after apply.
	key := lib.effective(r, ["kms_key_id"])
	not customer_key(key)
	not region_key_applies(r)
	finding := {
		"msg": sprintf("EBS volume %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

customer_key(k) if {
	is_string(k)
	k != ""
	not endswith(k, "alias/aws/ebs")
}

# Known to stay unencrypted: encrypted is false (or left out, false by
# default) and the plan does not turn EBS encryption by default on for the
# region (which would encrypt the volume anyway).
unencrypted(r) if {
	lib.effective(r, ["encrypted"]) == false
	not encryption_by_default
}

encryption_by_default if {
	some d in object.get(data.planguard.resources_by_type, "aws_ebs_encryption_by_default", [])
	lib.effective(d, ["enabled"]) == true
}

# The region's default key encrypts a volume that is encrypted and names none.
region_key_applies(r) if {
	region_default_key
	not unencrypted(r)
}

# The plan sets the region's default EBS key, which encrypts volumes that
# name none.
region_default_key if count(object.get(data.planguard.resources_by_type, "aws_ebs_default_kms_key", [])) > 0
