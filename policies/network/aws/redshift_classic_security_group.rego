# METADATA
# title: Redshift classic security group is used
# description: >-
#   An aws_redshift_security_group is an EC2-Classic construct: it controls
#   access to a cluster that runs outside any VPC, on a network shared with
#   other AWS customers. AWS retired EC2-Classic; a plan that still creates
#   or keeps one is keeping a cluster outside the VPC.
# custom:
#   id: PG-AWS-REDSHIFT-108
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_redshift_security_group]
#   aliases: [AVD-AWS-0085]
#   remediation: >-
#     Move the cluster into a VPC (`cluster_subnet_group_name`) and control
#     access with VPC security groups (`vpc_security_group_ids`); delete the
#     aws_redshift_security_group.
package planguard.network.aws.redshift_classic_security_group

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_security_group
	finding := {
		"msg": sprintf("%s is a Redshift classic (EC2-Classic) security group.", [r.address]),
		"resource": r.address,
		"attribute": "name",
	}
}
