# METADATA
# title: SageMaker Studio domain gives apps direct internet access
# description: >-
#   With `app_network_access_type = "PublicInternetOnly"` (the default),
#   Studio apps reach the internet through SageMaker's network rather than
#   your VPC: notebooks can download anything and upload data anywhere, past
#   your security groups, proxies and flow logs.
# custom:
#   id: PG-AWS-SAGEMAKER-107
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_sagemaker_domain]
#   aliases: []
#   remediation: >-
#     Set `app_network_access_type = "VpcOnly"` with private subnets, and give
#     the VPC endpoints (or a NAT gateway) for the services Studio needs.
package planguard.network.aws.sagemaker_domain_public_internet

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_domain
	not lib.is_unknown(r, ["app_network_access_type"])
	object.get(r.after, "app_network_access_type", null) != "VpcOnly"
	finding := {
		"msg": sprintf("SageMaker domain %s lets its apps reach the internet outside your VPC.", [r.address]),
		"resource": r.address,
		"attribute": "app_network_access_type",
	}
}
