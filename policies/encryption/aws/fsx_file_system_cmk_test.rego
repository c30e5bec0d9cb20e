package planguard.encryption.aws.fsx_file_system_cmk_test

import data.planguard.encryption.aws.fsx_file_system_cmk as policy

resource(type, after, unknown, expressions) := {type: [{
	"address": sprintf("%s.main", [type]),
	"config_address": sprintf("%s.main", [type]),
	"type": type,
	"after": object.union({"storage_capacity": 1024, "subnet_ids": ["subnet-0a1b2c"]}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as resource("aws_fsx_ontap_file_system", {"kms_key_id": null}, [], {})
	count(findings) == 1
	some f in findings
	f.resource == "aws_fsx_ontap_file_system.main"
	f.attribute == "kms_key_id"
	f.aliases == ["CKV_AWS_178"]
}

test_no_key_on_fsx_windows_file_system_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as resource("aws_fsx_windows_file_system", {"kms_key_id": null}, [], {})
	count(findings) == 1
	some f in findings
	f.aliases == ["CKV_AWS_179"]
}

test_no_key_on_fsx_openzfs_file_system_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as resource("aws_fsx_openzfs_file_system", {"kms_key_id": null}, [], {})
	count(findings) == 1
	some f in findings
	f.aliases == ["CKV_AWS_203"]
}

test_empty_value_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_fsx_ontap_file_system", {"kms_key_id": ""}, [], {})
}

test_value_set_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_fsx_ontap_file_system", {"kms_key_id": key}, [], {})
}

# The provider computes the attribute: left out of the configuration it is
# unknown in the plan, and takes the documented default (no key of yours).
test_left_out_takes_the_default_and_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_fsx_ontap_file_system", {}, ["kms_key_id"], {"tags": {"constant_value": {}}})
}

# Set by the author to a value known only after apply.
test_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_fsx_ontap_file_system", {}, ["kms_key_id"], {"kms_key_id": {"references": ["var.key_arn"]}})
}

test_value_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_fsx_ontap_file_system", {"kms_key_id": null}, [], {})
		with data.planguard.references as {"aws_fsx_ontap_file_system.main": [{"attribute": "kms_key_id", "to": "aws_kms_key.data"}]}
}
