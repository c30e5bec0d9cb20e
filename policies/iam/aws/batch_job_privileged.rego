# METADATA
# title: Batch job definition runs a privileged container
# description: >-
#   `privileged = true` in a Batch job's container properties gives the
#   container root on its host: a compromised training or data job can read
#   other jobs' data on the same instance, reach the instance role's
#   credentials and escape to the host.
# custom:
#   id: PG-AWS-BATCH-101
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_batch_job_definition]
#   aliases: [CKV_AWS_210]
#   remediation: >-
#     Remove `privileged` from `container_properties` (GPU jobs need
#     `resourceRequirements` of type GPU, not privileged mode) and grant any
#     specific capability through `linuxParameters` instead.
package planguard.iam.aws.batch_job_privileged

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_batch_job_definition
	not lib.is_unknown(r, ["container_properties"])
	props := json.unmarshal(r.after.container_properties)
	props.privileged == true
	finding := {
		"msg": sprintf("Batch job definition %s runs its container in privileged mode.", [r.address]),
		"resource": r.address,
		"attribute": "container_properties",
	}
}
