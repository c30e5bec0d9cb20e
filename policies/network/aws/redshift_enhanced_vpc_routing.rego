# METADATA
# title: Redshift cluster does not use enhanced VPC routing
# description: >-
#   Without enhanced VPC routing, COPY and UNLOAD traffic between the
#   cluster and S3 (training sets, feature exports) leaves the VPC over the
#   public network, where VPC endpoints, endpoint policies, security groups
#   and flow logs neither see nor limit it.
# custom:
#   id: PG-AWS-REDSHIFT-107
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_redshift_cluster]
#   aliases: [CKV_AWS_321]
#   defaults:
#     - aws_redshift_cluster enhanced_vpc_routing
#   remediation: >-
#     Set `enhanced_vpc_routing = true` and give the VPC an S3 gateway
#     endpoint (or a NAT route) so that COPY and UNLOAD still reach S3.
package planguard.network.aws.redshift_enhanced_vpc_routing

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_cluster
	not lib.undecided(r, ["enhanced_vpc_routing"])
	not lib.bool_text(lib.effective(r, ["enhanced_vpc_routing"])) == true
	finding := {
		"msg": sprintf("Redshift cluster %s sends its COPY and UNLOAD traffic outside the VPC (enhanced VPC routing is off).", [r.address]),
		"resource": r.address,
		"attribute": "enhanced_vpc_routing",
	}
}
