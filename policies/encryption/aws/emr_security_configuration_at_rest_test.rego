package planguard.encryption.aws.emr_security_configuration_at_rest_test

import data.planguard.encryption.aws.emr_security_configuration_at_rest as policy

config(doc, unknown) := {"aws_emr_security_configuration": [{
	"address": "aws_emr_security_configuration.etl",
	"config_address": "aws_emr_security_configuration.etl",
	"type": "aws_emr_security_configuration",
	"after": {"name": "etl", "configuration": json.marshal(doc)},
	"unknown_paths": unknown,
}]}

test_turned_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as config({"EncryptionConfiguration": {"EnableAtRestEncryption": false}}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "configuration"
}

test_turned_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true}}, [])
}

# Left out of the document: the other tool does not judge it, nor does this rule.
test_left_out_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"EncryptionConfiguration": {}}, [])
}

test_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_emr_security_configuration": [{
		"address": "aws_emr_security_configuration.etl",
		"config_address": "aws_emr_security_configuration.etl",
		"type": "aws_emr_security_configuration",
		"after": {"name": "etl"},
		"unknown_paths": ["configuration"],
	}]}
}
