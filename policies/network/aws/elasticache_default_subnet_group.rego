# METADATA
# title: ElastiCache cache is not placed in subnets of a chosen VPC
# description: >-
#   A cache cluster or replication group without `subnet_group_name` (or on
#   the subnet group named "default") is launched into the default subnet
#   group of the region's default VPC, whose subnets are public, instead of
#   the private subnets built for the platform's data. A cluster that joins a
#   replication group takes the group's subnets and is judged there.
#   Checkov's CKV_AWS_323 (cache clusters without subnet_group_name) is named
#   on the findings it also raises.
# custom:
#   id: PG-AWS-ELASTICACHE-106
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group]
#   aliases: []
#   narrower: [CKV_AWS_323]
#   defaults:
#     - aws_elasticache_cluster subnet_group_name
#     - aws_elasticache_replication_group subnet_group_name
#   remediation: >-
#     Create an `aws_elasticache_subnet_group` over private subnets of the
#     platform's VPC and set `subnet_group_name` to it (the cache is replaced).
package planguard.network.aws.elasticache_default_subnet_group

import data.planguard.lib

deny contains finding if {
	some t in ["aws_elasticache_cluster", "aws_elasticache_replication_group"]
	some r in data.planguard.resources_by_type[t]
	not joins_group(r)
	not lib.undecided(r, ["subnet_group_name"])
	not lib.refers_to(r, "subnet_group_name")
	not chosen(lib.effective(r, ["subnet_group_name"]))
	finding := {
		"msg": sprintf("ElastiCache %s is launched into the default subnet group, not subnets of the platform's VPC.", [r.address]),
		"resource": r.address,
		"attribute": "subnet_group_name",
		"aliases": checkov_ids(t, r),
	}
}

# Checkov's CKV_AWS_323 judges cache clusters only, and passes any
# subnet_group_name written ("default" included): it fails one that leaves the
# attribute out. It also fails a member of a replication group, which cannot
# set the attribute and passes here on purpose (docs/coverage/aws-data.json
# says so as `differs`).
checkov_ids(t, r) := ["CKV_AWS_323"] if {
	t == "aws_elasticache_cluster"
	lib.provider_default(r, ["subnet_group_name"])
} else := []

# A member cluster of a replication group (set, or still to come).
joins_group(r) if lib.non_empty(object.get(r.after, "replication_group_id", null))

joins_group(r) if lib.pending(r, ["replication_group_id"])

chosen(name) if {
	lib.non_empty(name)
	name != "default"
}
