# METADATA
# title: EMR cluster's security groups admit traffic from the internet
# description: >-
#   The master node of an EMR cluster serves YARN, Spark, Hue, Jupyter and
#   SSH, most of them without authentication of their own. A security group
#   of the cluster (managed, additional or service access) that admits
#   0.0.0.0/0 or ::/0, inline or through a separate ingress rule resource,
#   puts them, and the data the jobs read, on the internet. Only the
#   security groups of the same configuration are followed.
# custom:
#   id: PG-AWS-EMR-106
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_emr_cluster]
#   aliases: []
#   related: [CKV2_AWS_7]
#   remediation: >-
#     Admit only the VPC's or the bastion's address ranges (or other
#     security groups) to the cluster's security groups; reach the web
#     interfaces through an SSH tunnel, SSM or a VPN.
package planguard.network.aws.emr_cluster_security_group_open

import data.planguard.lib

deny contains finding if {
	some cluster in data.planguard.resources_by_type.aws_emr_cluster
	some ref in data.planguard.references[cluster.config_address]
	startswith(ref.attribute, "ec2_attributes.")
	some sg in object.get(by_config_address("aws_security_group"), ref.to, set())
	some source in open_ingress[sg.config_address]
	finding := {
		"msg": sprintf("EMR cluster %s uses security group %s, which admits traffic from the internet (%s).", [cluster.address, sg.address, source]),
		"resource": cluster.address,
		"attribute": ref.attribute,
	}
}

# The resources of `type` by their configuration address, built once per type.
by_config_address(type) := {address: {r |
	some r in data.planguard.resources_by_type[type]
	r.config_address == address
} |
	some x in object.get(data.planguard.resources_by_type, type, [])
	address := x.config_address
}

# Where a security group (by configuration address) admits the internet.
open_ingress[sg.config_address] contains sprintf("%s ingress.%v", [sg.address, i]) if {
	some sg in data.planguard.resources_by_type.aws_security_group
	not lib.is_unknown(sg, ["ingress"])
	some i, b in object.get(sg.after, "ingress", [])
	lib.open_to_internet(array.concat(list(b, "cidr_blocks"), list(b, "ipv6_cidr_blocks")))
}

open_ingress[ref.to] contains rule.address if {
	some rule in data.planguard.resources_by_type.aws_security_group_rule
	rule.after.type == "ingress"
	lib.open_to_internet(array.concat(list(rule.after, "cidr_blocks"), list(rule.after, "ipv6_cidr_blocks")))
	some ref in data.planguard.references[rule.config_address]
	ref.attribute == "security_group_id"
}

open_ingress[ref.to] contains rule.address if {
	some rule in data.planguard.resources_by_type.aws_vpc_security_group_ingress_rule
	some attribute in ["cidr_ipv4", "cidr_ipv6"]
	lib.open_to_internet([object.get(rule.after, attribute, null)])
	some ref in data.planguard.references[rule.config_address]
	ref.attribute == "security_group_id"
}

list(obj, k) := v if {
	v := obj[k]
	is_array(v)
} else := []
