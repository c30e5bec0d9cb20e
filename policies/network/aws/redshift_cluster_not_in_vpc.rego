# METADATA
# title: Redshift cluster is not placed in subnets of a chosen VPC
# description: >-
#   A cluster without `cluster_subnet_group_name` is not launched into
#   subnets the configuration chose: Redshift puts it in the region's
#   default VPC (on EC2-Classic, in the accounts that still had it), with
#   its public subnets and default security group, outside the network
#   controls built for the platform's data.
# custom:
#   id: PG-AWS-REDSHIFT-106
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_redshift_cluster]
#   aliases: [CKV_AWS_154, AVD-AWS-0127]
#   defaults:
#     - aws_redshift_cluster cluster_subnet_group_name
#   remediation: >-
#     Create an `aws_redshift_subnet_group` over private subnets of the
#     platform's VPC and set `cluster_subnet_group_name` to it (the cluster
#     is replaced).
package planguard.network.aws.redshift_cluster_not_in_vpc

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_cluster
	not lib.undecided(r, ["cluster_subnet_group_name"])
	not lib.refers_to(r, "cluster_subnet_group_name")
	not lib.non_empty(lib.effective(r, ["cluster_subnet_group_name"]))
	finding := {
		"msg": sprintf("Redshift cluster %s names no subnet group: it is launched outside the platform's VPC.", [r.address]),
		"resource": r.address,
		"attribute": "cluster_subnet_group_name",
	}
}
