package planguard.encryption.aws.glue_security_configuration_attached_test

import data.planguard.encryption.aws.glue_security_configuration_attached as policy

resource(type, after, unknown, expressions) := {type: [{
	"address": sprintf("%s.main", [type]),
	"config_address": sprintf("%s.main", [type]),
	"type": type,
	"after": object.union({"role_arn": "arn:aws:iam::111122223333:role/glue"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as resource("aws_glue_job", {"security_configuration": null}, [], {})
	count(findings) == 1
	some f in findings
	f.resource == "aws_glue_job.main"
	f.attribute == "security_configuration"
}

test_no_key_on_glue_crawler_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_glue_crawler", {"security_configuration": null}, [], {})
}

test_no_key_on_glue_dev_endpoint_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_glue_dev_endpoint", {"security_configuration": null}, [], {})
}

test_empty_value_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_glue_job", {"security_configuration": ""}, [], {})
}

test_value_set_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_glue_job", {"security_configuration": "etl-kms"}, [], {})
}

# Left out: the attribute is null in the plan.
test_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_glue_job", {}, [], {})
}

# Set by the author to a value known only after apply.
test_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_glue_job", {}, ["security_configuration"], {"security_configuration": {"references": ["var.key_arn"]}})
}

test_value_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_glue_job", {"security_configuration": null}, [], {})
		with data.planguard.references as {"aws_glue_job.main": [{"attribute": "security_configuration", "to": "aws_kms_key.data"}]}
}
