# METADATA
# title: ElastiCache classic cache security group is used
# description: >-
#   An aws_elasticache_security_group is an EC2-Classic construct: it controls
#   access to a cache cluster that runs outside any VPC, on a network shared
#   with other AWS customers. AWS retired EC2-Classic; a plan that still
#   creates or keeps one keeps a cache outside the VPC.
# custom:
#   id: PG-AWS-ELASTICACHE-105
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_elasticache_security_group]
#   aliases: [CKV_AWS_196]
#   remediation: >-
#     Run the cache in a VPC (`subnet_group_name`) with VPC security groups
#     (`security_group_ids`) and delete the aws_elasticache_security_group.
package planguard.network.aws.elasticache_classic_security_group

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_elasticache_security_group
	finding := {
		"msg": sprintf("%s is an ElastiCache classic (EC2-Classic) cache security group.", [r.address]),
		"resource": r.address,
		"attribute": "name",
	}
}
