# METADATA
# title: Lambda function runs outside a VPC
# description: >-
#   A function without vpc_config runs in an AWS-managed network with
#   unrestricted internet egress: its traffic bypasses the VPC's security
#   groups, flow logs and VPC endpoints, and it cannot reach private
#   resources except over the internet. Functions that preprocess data or
#   call model endpoints belong in the platform's private subnets.
# custom:
#   id: PG-AWS-LAMBDA-104
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_lambda_function]
#   aliases: [CKV_AWS_117]
#   remediation: >-
#     Add `vpc_config { subnet_ids = [...private subnets...],
#     security_group_ids = [...] }`, with VPC endpoints or a NAT gateway for the
#     AWS services the function calls.
package planguard.network.aws.lambda_outside_vpc

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_function
	not lib.is_unknown(r, ["vpc_config"])
	count(object.get(r.after, "vpc_config", [])) == 0
	finding := {
		"msg": sprintf("Lambda function %s runs outside a VPC.", [r.address]),
		"resource": r.address,
		"attribute": "vpc_config",
	}
}
