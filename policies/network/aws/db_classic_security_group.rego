# METADATA
# title: RDS classic DB security group is used
# description: >-
#   An aws_db_security_group is an EC2-Classic construct: it controls access
#   to a DB instance that runs outside any VPC, on a network shared with
#   other AWS customers. AWS retired EC2-Classic; a plan that still creates
#   or keeps one keeps a database outside the VPC.
# custom:
#   id: PG-AWS-RDS-112
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_db_security_group]
#   aliases: [CKV_AWS_198]
#   remediation: >-
#     Run the instance in a VPC (`db_subnet_group_name`) with VPC security
#     groups (`vpc_security_group_ids`) and delete the aws_db_security_group.
package planguard.network.aws.db_classic_security_group

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_db_security_group
	finding := {
		"msg": sprintf("%s is an RDS classic (EC2-Classic) DB security group.", [r.address]),
		"resource": r.address,
		"attribute": "name",
	}
}
