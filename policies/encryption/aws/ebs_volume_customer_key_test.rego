package planguard.encryption.aws.ebs_volume_customer_key_test

import data.planguard.encryption.aws.ebs_volume_customer_key as policy

volume(after, extra) := object.union({
	"address": "aws_ebs_volume.scratch",
	"config_address": "aws_ebs_volume.scratch",
	"type": "aws_ebs_volume",
	"after": after,
	"unknown_paths": [],
}, extra)

resources(v) := {"aws_ebs_volume": [v]}

test_aws_managed_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as resources(volume({"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs"}, {}))
	some f in findings
	f.resource == "aws_ebs_volume.scratch"
	f.attribute == "kms_key_id"
}

# Left out, the provider computes kms_key_id (known only after apply), but
# the configuration does not set it: the AWS-managed key it will be.
test_left_out_is_denied if {
	v := volume({"encrypted": true, "size": 100}, {
		"after_unknown": {"kms_key_id": true},
		"expressions": {"encrypted": {"constant_value": true}, "size": {"constant_value": 100}},
	})
	count(policy.deny) == 1 with data.planguard.resources_by_type as resources(v)
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resources(volume({"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, {}))
}

# A key created in the same plan is unknown until apply but referenced.
test_key_set_by_reference_known_after_apply_passes if {
	v := volume({"encrypted": true}, {
		"config_address": "aws_ebs_volume.scratch",
		"after_unknown": {"kms_key_id": true},
		"expressions": {"kms_key_id": {"references": ["aws_kms_key.ebs.arn", "aws_kms_key.ebs"]}},
	})
	refs := {"aws_ebs_volume.scratch": [{"attribute": "kms_key_id", "to": "aws_kms_key.ebs", "to_type": "aws_kms_key"}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as resources(v) with data.planguard.references as refs
}

# Set by the author to a variable known only after apply: not decided.
test_set_but_unknown_is_not_denied if {
	v := volume({"encrypted": true}, {
		"after_unknown": {"kms_key_id": true},
		"expressions": {"kms_key_id": {"references": ["var.volume_key"]}},
	})
	count(policy.deny) == 0 with data.planguard.resources_by_type as resources(v)
}

# Not encrypted at all (left out: the default is false): no customer key
# either, as CKV_AWS_189 and AVD-AWS-0027 read it (PG-AWS-EBS-001 reports the
# missing encryption).
test_unencrypted_volume_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resources(volume({"encrypted": false}, {}))
	count(policy.deny) == 1 with data.planguard.resources_by_type as resources(volume({"size": 100}, {}))
}

# The region's default key does not reach a volume that stays unencrypted.
test_unencrypted_volume_with_region_default_key_is_denied if {
	rs := {
		"aws_ebs_volume": [volume({"encrypted": false}, {})],
		"aws_ebs_default_kms_key": [{"address": "aws_ebs_default_kms_key.this", "type": "aws_ebs_default_kms_key", "after": {}, "unknown_paths": ["key_arn"]}],
	}
	count(policy.deny) == 1 with data.planguard.resources_by_type as rs
}

# Encryption by default on for the region encrypts it with the AWS-managed key.
test_encrypted_by_region_default_is_denied if {
	rs := {
		"aws_ebs_volume": [volume({"encrypted": false}, {})],
		"aws_ebs_encryption_by_default": [{"address": "aws_ebs_encryption_by_default.on", "type": "aws_ebs_encryption_by_default", "after": {"enabled": true}, "unknown_paths": []}],
	}
	count(policy.deny) == 1 with data.planguard.resources_by_type as rs
}

test_region_default_key_passes if {
	rs := {
		"aws_ebs_volume": [volume({"encrypted": true}, {"after_unknown": {"kms_key_id": true}, "expressions": {}})],
		"aws_ebs_default_kms_key": [{"address": "aws_ebs_default_kms_key.this", "type": "aws_ebs_default_kms_key", "after": {}, "unknown_paths": ["key_arn"]}],
	}
	count(policy.deny) == 0 with data.planguard.resources_by_type as rs
}
