# METADATA
# title: Configuration manages the default VPC
# description: >-
#   Every region's default VPC has public subnets that give instances public
#   IP addresses and a route to an internet gateway. Adopting it with
#   aws_default_vpc keeps it alive and invites placing workloads in it;
#   training and serving resources belong in a VPC designed for them, with
#   private subnets. The default VPC is best deleted outside Terraform.
# custom:
#   id: PG-AWS-NET-108
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_default_vpc]
#   aliases: [CKV_AWS_148, AVD-AWS-0101]
#   remediation: >-
#     Remove the `aws_default_vpc` block (use `terraform state rm` to stop
#     managing it), create an `aws_vpc` with private subnets for the workloads,
#     and delete the default VPC in each region you use.
package planguard.network.aws.default_vpc_managed

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_default_vpc
	finding := {
		"msg": sprintf("%s brings the region's default VPC, with its public subnets, under management.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
