# METADATA
# title: VPC has no flow log
# description: >-
#   Without VPC flow logs there is no record of which hosts a training
#   cluster or notebook talked to, so data exfiltration and scanning go
#   unnoticed and cannot be investigated afterwards. A VPC in the plan is
#   reported when no aws_flow_log in the plan refers to it.
# custom:
#   id: PG-AWS-NET-105
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_vpc]
#   aliases: [CKV2_AWS_11, AVD-AWS-0178]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "3.7"
#   remediation: >-
#     Add an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` and
#     `traffic_type = "ALL"` (or at least "REJECT"), delivered to CloudWatch
#     Logs or S3.
package planguard.network.aws.vpc_flow_logs

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_vpc
	count(lib.referrers_of_type(r, "aws_flow_log")) == 0
	finding := {
		"msg": sprintf("VPC %s has no flow log in this configuration.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
