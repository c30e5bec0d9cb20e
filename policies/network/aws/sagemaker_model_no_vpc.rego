# METADATA
# title: SageMaker model runs outside your VPC
# description: >-
#   A model without `vpc_config` (and without network isolation) runs its
#   inference and batch-transform containers on SageMaker's own network with
#   internet access: the container can reach anything, and your VPC's
#   security groups, endpoints and flow logs do not apply to it.
# custom:
#   id: PG-AWS-SAGEMAKER-106
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_sagemaker_model]
#   aliases: []
#   remediation: >-
#     Add `vpc_config { subnets = [...], security_group_ids = [...] }` with
#     private subnets, or set `enable_network_isolation = true` if the
#     container needs no network at all.
package planguard.network.aws.sagemaker_model_no_vpc

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_model
	not lib.is_unknown(r, ["vpc_config"])
	count(object.get(r.after, "vpc_config", [])) == 0
	not lib.is_unknown(r, ["enable_network_isolation"])
	not lib.is_true(r, ["enable_network_isolation"])
	finding := {
		"msg": sprintf("SageMaker model %s runs outside your VPC with internet access.", [r.address]),
		"resource": r.address,
		"attribute": "vpc_config",
	}
}
