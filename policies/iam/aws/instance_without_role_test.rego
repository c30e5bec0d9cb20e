package planguard.iam.aws.instance_without_role_test

import data.planguard.iam.aws.instance_without_role as policy

instance(after, unknown) := {"aws_instance": [{
	"address": "aws_instance.trainer",
	"config_address": "aws_instance.trainer",
	"type": "aws_instance",
	"after": object.union({"ami": "ami-0123", "instance_type": "g5.xlarge"}, after),
	"unknown_paths": unknown,
}]}

test_no_profile_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as instance({}, [])
	some f in findings
	f.attribute == "iam_instance_profile"
}

test_empty_profile_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as instance({"iam_instance_profile": ""}, [])
}

test_profile_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({"iam_instance_profile": "trainer"}, [])
}

# The profile is created in the same plan: unknown until apply, set by reference.
test_profile_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance({}, ["iam_instance_profile"])
}
