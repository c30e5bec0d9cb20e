package planguard.network.aws.emr_cluster_security_group_open_test

import data.planguard.lib.test as t
import data.planguard.network.aws.emr_cluster_security_group_open as policy

cluster := "aws_emr_cluster.spark"

sg := "aws_security_group.master"

res(address, after, unknown_paths) := {
	"address": address,
	"config_address": address,
	"type": split(address, ".")[0],
	"after": after,
	"unknown_paths": unknown_paths,
}

emr := res(cluster, {"name": "spark", "ec2_attributes": [{"subnet_id": "subnet-1"}]}, ["ec2_attributes.0.emr_managed_master_security_group"])

cluster_refs := {cluster: [{"attribute": "ec2_attributes.emr_managed_master_security_group", "to": sg}]}

ingress(cidrs) := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}

# A plan holding the cluster, its security group and `others`.
findings(sg_after, sg_unknown, others, refs) := found if {
	resources := array.concat([emr, res(sg, sg_after, sg_unknown)], others)
	by_type := {type: [r | some r in resources; r.type == type] | some r in resources; type := r.type}
	found := policy.deny with data.planguard.resources_by_type as by_type
		with data.planguard.references as object.union(cluster_refs, refs)
}

test_inline_ingress_from_the_internet_is_denied if {
	t.assert_denied(findings({"ingress": [ingress(["0.0.0.0/0"])]}, [], [], {}), cluster, "ec2_attributes.emr_managed_master_security_group")
	t.assert_denied(findings({"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]}]}, [], [], {}), cluster, "ec2_attributes.emr_managed_master_security_group")
}

test_ingress_rule_resources_from_the_internet_are_denied if {
	rule := res("aws_security_group_rule.ssh", object.union(ingress(["0.0.0.0/0"]), {"type": "ingress"}), ["security_group_id"])
	refs := {"aws_security_group_rule.ssh": [{"attribute": "security_group_id", "to": sg}]}
	t.assert_denied(findings({"ingress": []}, [], [rule], refs), cluster, "ec2_attributes.emr_managed_master_security_group")
	vpc_rule := res("aws_vpc_security_group_ingress_rule.ui", {"ip_protocol": "tcp", "from_port": 8888, "to_port": 8888, "cidr_ipv4": "0.0.0.0/0"}, ["security_group_id"])
	vpc_refs := {"aws_vpc_security_group_ingress_rule.ui": [{"attribute": "security_group_id", "to": sg}]}
	t.assert_denied(findings({"ingress": []}, [], [vpc_rule], vpc_refs), cluster, "ec2_attributes.emr_managed_master_security_group")
}

test_private_ingress_passes if {
	t.assert_passes(findings({"ingress": [ingress(["10.0.0.0/8"])]}, [], [], {}), cluster)
	egress_rule := res("aws_security_group_rule.out", object.union(ingress(["0.0.0.0/0"]), {"type": "egress"}), ["security_group_id"])
	refs := {"aws_security_group_rule.out": [{"attribute": "security_group_id", "to": sg}]}
	t.assert_passes(findings({"ingress": []}, [], [egress_rule], refs), cluster)
}

# An open rule on a security group the cluster does not use.
test_other_security_groups_pass if {
	rule := res("aws_security_group_rule.ssh", object.union(ingress(["0.0.0.0/0"]), {"type": "ingress"}), ["security_group_id"])
	refs := {"aws_security_group_rule.ssh": [{"attribute": "security_group_id", "to": "aws_security_group.bastion"}]}
	t.assert_passes(findings({"ingress": []}, [], [rule], refs), cluster)
}

test_ingress_known_after_apply_is_not_denied if {
	t.assert_passes(findings({}, ["ingress"], [], {}), cluster)
}
