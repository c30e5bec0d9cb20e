package planguard.iam.aws.batch_job_privileged_test

import data.planguard.iam.aws.batch_job_privileged as policy

job(after, unknown) := {"aws_batch_job_definition": [{
	"address": "aws_batch_job_definition.train",
	"type": "aws_batch_job_definition",
	"after": object.union({"name": "train", "type": "container"}, after),
	"unknown_paths": unknown,
}]}

test_privileged_is_denied if {
	props := json.marshal({"image": "trainer:1", "privileged": true, "resourceRequirements": [{"type": "GPU", "value": "1"}]})
	findings := policy.deny with data.planguard.resources_by_type as job({"container_properties": props}, [])
	some f in findings
	f.attribute == "container_properties"
}

test_unprivileged_passes if {
	props := json.marshal({"image": "trainer:1", "privileged": false})
	count(policy.deny) == 0 with data.planguard.resources_by_type as job({"container_properties": props}, [])
}

# Left out, a container is not privileged.
test_left_out_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job({"container_properties": json.marshal({"image": "trainer:1"})}, [])
}

# Multi-node jobs carry node_properties instead.
test_no_container_properties_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job({"type": "multinode", "node_properties": "{}"}, [])
}

test_properties_known_after_apply_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job({}, ["container_properties"])
}
