# METADATA
# title: Launch configuration or template gives instances a public IP address
# description: >-
#   Every instance an Auto Scaling group, Batch compute environment or EKS
#   node group starts from this launch configuration or template gets a
#   public IP address and is directly addressable from the internet. Training
#   and inference nodes belong in private subnets and reach the internet, if
#   at all, through a NAT gateway. PG-AWS-NET-006 judges single instances.
#   Trivy's AVD-AWS-0009 reads launch configurations only: it is named on
#   their findings, not on launch templates'. Checkov's CKV_AWS_88 reads the
#   first network interface of a launch template: it is named on that
#   interface's findings (and carried by PG-AWS-NET-006 for instances).
# custom:
#   id: PG-AWS-EC2-104
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_launch_configuration, aws_launch_template]
#   aliases: []
#   narrower: [AVD-AWS-0009, CKV_AWS_88]
#   remediation: >-
#     Set `associate_public_ip_address = false` (launch configuration) or
#     `network_interfaces { associate_public_ip_address = false }` (launch
#     template), and launch into private subnets.
package planguard.network.aws.launch_public_ip

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_launch_configuration
	not lib.is_unknown(r, ["associate_public_ip_address"])
	public(object.get(r.after, "associate_public_ip_address", null))
	finding := {
		"msg": sprintf("Launch configuration %s gives every instance a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": "associate_public_ip_address",
		"aliases": ["AVD-AWS-0009"],
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_launch_template
	some i, nic in object.get(r.after, "network_interfaces", [])
	not lib.is_unknown(r, ["network_interfaces", i, "associate_public_ip_address"])
	public(object.get(nic, "associate_public_ip_address", null))
	finding := {
		"msg": sprintf("Launch template %s gives every instance a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("network_interfaces.%v.associate_public_ip_address", [i]),
		"aliases": checkov_ids(i),
	}
}

# Checkov's CKV_AWS_88 judges only a launch template's first interface.
checkov_ids(i) := ["CKV_AWS_88"] if i == 0

checkov_ids(i) := [] if i != 0

# The launch template's attribute is a string ("true"/"false") in the AWS
# provider; the launch configuration's a bool.
public(v) if v == true

public(v) if v == "true"
