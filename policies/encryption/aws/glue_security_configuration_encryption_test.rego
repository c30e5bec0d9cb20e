package planguard.encryption.aws.glue_security_configuration_encryption_test

import data.planguard.encryption.aws.glue_security_configuration_encryption as policy
import data.planguard.lib.test as t

address := "aws_glue_security_configuration.etl"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

encrypted := {
	"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": key}],
	"job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "CSE-KMS", "kms_key_arn": key}],
	"s3_encryption": [{"s3_encryption_mode": "SSE-S3", "kms_key_arn": null}],
}

findings(conf, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl", "encryption_configuration": [conf]}, unknown_paths)
}

test_all_three_encrypted_passes if {
	t.assert_passes(findings(encrypted, []), address)
	t.assert_passes(findings(object.union(encrypted, {"s3_encryption": [{"s3_encryption_mode": "SSE-KMS", "kms_key_arn": key}]}), []), address)
}

# The provider's defaults: every mode "DISABLED".
test_disabled_modes_are_denied if {
	conf := {
		"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "DISABLED", "kms_key_arn": null}],
		"job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "DISABLED", "kms_key_arn": null}],
		"s3_encryption": [{"s3_encryption_mode": "DISABLED", "kms_key_arn": null}],
	}
	found := findings(conf, [])
	t.assert_count(found, 3)
	t.assert_denied(found, address, "encryption_configuration.0.cloudwatch_encryption.0.cloudwatch_encryption_mode")
	t.assert_denied(found, address, "encryption_configuration.0.job_bookmarks_encryption.0.job_bookmarks_encryption_mode")
	t.assert_denied(found, address, "encryption_configuration.0.s3_encryption.0.s3_encryption_mode")
}

test_mode_left_out_is_denied if {
	conf := object.union(encrypted, {"s3_encryption": [{}]})
	t.assert_denied(findings(conf, []), address, "encryption_configuration.0.s3_encryption.0.s3_encryption_mode")
}

test_kms_mode_without_a_key_is_denied if {
	conf := object.union(encrypted, {"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": null}]})
	found := findings(conf, [])
	t.assert_count(found, 1)
	t.assert_denied(found, address, "encryption_configuration.0.cloudwatch_encryption.0.kms_key_arn")
}

test_missing_block_is_denied if {
	conf := object.remove(encrypted, ["job_bookmarks_encryption"])
	t.assert_denied(findings(conf, []), address, "encryption_configuration.0.job_bookmarks_encryption")
}

test_values_known_after_apply_are_not_denied if {
	unknown_key := object.union(encrypted, {"job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "CSE-KMS", "kms_key_arn": null}]})
	t.assert_passes(findings(unknown_key, ["encryption_configuration.0.job_bookmarks_encryption.0.kms_key_arn"]), address)
	unknown_mode := object.union(encrypted, {"s3_encryption": [{"kms_key_arn": null}]})
	t.assert_passes(findings(unknown_mode, ["encryption_configuration.0.s3_encryption.0.s3_encryption_mode"]), address)
	t.assert_passes(findings(object.remove(encrypted, ["s3_encryption"]), ["encryption_configuration.0.s3_encryption"]), address)
}
