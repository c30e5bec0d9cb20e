package planguard.lib_test

import data.planguard.lib

volume := {
	"address": "aws_ebs_volume.v",
	"config_address": "aws_ebs_volume.v",
	"type": "aws_ebs_volume",
	"after": {"encrypted": true, "tags": {"team": "ml"}},
	"unknown_paths": ["kms_key_id", "ingress.0"],
}

test_unknown_path if lib.is_unknown(volume, ["kms_key_id"])

test_unknown_parent_covers_child if lib.is_unknown(volume, ["ingress", 0, "cidr_blocks"])

test_known_path_is_not_unknown if not lib.is_unknown(volume, ["encrypted"])

test_prefix_of_a_name_is_not_a_parent if not lib.is_unknown(volume, ["kms_key_id_extra"])

# data.planguard's resources carry the after_unknown mask itself.
instance := {
	"address": "aws_instance.i",
	"config_address": "aws_instance.i",
	"type": "aws_instance",
	"after": {"ebs_block_device": [{"encrypted": true}, {}]},
	"after_unknown": {"arn": true, "ebs_block_device": [{"encrypted": false}, {"encrypted": true}], "ingress": true, "tags": {}},
	"unknown_paths": ["arn", "ebs_block_device.1.encrypted", "ingress"],
}

test_mask_unknown_path if lib.is_unknown(instance, ["arn"])

test_mask_unknown_element if lib.is_unknown(instance, ["ebs_block_device", 1, "encrypted"])

test_mask_parent_covers_child if lib.is_unknown(instance, ["ingress", 0, "cidr_blocks"])

test_mask_known_paths if {
	not lib.is_unknown(instance, ["ebs_block_device", 0, "encrypted"])
	not lib.is_unknown(instance, ["ebs_block_device", 1])
	not lib.is_unknown(instance, ["ebs_block_device", 2, "encrypted"])
	not lib.is_unknown(instance, ["tags", "team"])
	not lib.is_unknown(instance, ["ar"])
	not lib.is_unknown(instance, [])
}

test_mask_first_step_decides_before_deeper_steps if {
	lib.is_unknown({"after_unknown": {"a": {"b": [false, true]}}}, ["a", "b", 1, "c"])
	lib.is_unknown({"after_unknown": {"a": true}}, ["a", "b", 0])
	not lib.is_unknown({"after_unknown": {"a": false}}, ["a", "b"])
	not lib.is_unknown({"after_unknown": {"a": {"b": [false, true]}}}, ["a", "b", 0, "c"])
	not lib.is_unknown({"after_unknown": {"b": true}}, ["a", "b"])
	not lib.is_unknown({"after_unknown": {"a": null}}, ["a"])
}

test_mask_is_read_before_unknown_paths if not lib.is_unknown(json.patch(instance, [{"op": "add", "path": "/unknown_paths/-", "value": "tags"}]), ["tags"])

test_refers_to if {
	lib.refers_to(volume, "kms_key_id") with data.planguard.references as {"aws_ebs_volume.v": [{"attribute": "kms_key_id", "to": "aws_kms_key.k"}]}
}

test_does_not_refer if {
	not lib.refers_to(volume, "kms_key_id") with data.planguard.references as {"aws_ebs_volume.v": [{"attribute": "tags", "to": "aws_kms_key.k"}]}
}

test_no_entry_refers_to_nothing if {
	not lib.refers_to(volume, "kms_key_id") with data.planguard.references as {"aws_ebs_volume.other": [{"attribute": "kms_key_id", "to": "aws_kms_key.k"}]}
	not lib.refers_to(volume, "kms_key_id") with data.planguard.references as {"aws_ebs_volume.v": []}
}

test_referrers_of_type if {
	lib.referrers_of_type(volume, "aws_volume_attachment") == {"aws_volume_attachment.a"} with data.planguard.referrers as {"aws_ebs_volume.v": [
		{"attribute": "volume_id", "from": "aws_volume_attachment.a", "from_type": "aws_volume_attachment"},
		{"attribute": "x", "from": "aws_other.b", "from_type": "aws_other"},
	]}
}

test_is_true if lib.is_true(volume, ["encrypted"])

test_world_cidr if {
	lib.world_cidr("0.0.0.0/0")
	lib.world_cidr("::/0")
	not lib.world_cidr("10.0.0.0/8")
}

test_internet_is_the_union_of_ranges if {
	lib.internet_ranges(["0.0.0.0/1", "128.0.0.0/1"]) == ["0.0.0.0/1", "128.0.0.0/1"]
	lib.open_to_internet(["::/1", "8000::/1"])
	lib.open_to_internet(["0.0.0.0-10.0.17.62"])
	lib.open_to_internet(["10.0.17.62-255.255.255.255"])
	lib.open_to_internet(["0.0.0.0/0"])
}

test_private_and_small_ranges_are_not_the_internet if {
	not lib.open_to_internet(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"])
	not lib.open_to_internet(["203.0.113.7/32", "198.51.100.0/24"])
	not lib.open_to_internet(["fd00::/8"])
	not lib.open_to_internet([])
}

test_internet_threshold_comes_from_the_config if {
	lib.open_to_internet(["8.8.8.0/24"]) with data.planguard.config as {"network": {"internet_ipv4_prefix": 24}}
	not lib.open_to_internet(["8.8.8.0/24"])
}

test_port_ranges_count_as_the_ports_they_include if {
	lib.sensitive_ports(20, 23) == {"SSH (22)", "Telnet (23)"}
	lib.sensitive_ports_of_kind(3380, 3390, "admin") == {"RDP (3389)"}
	lib.sensitive_ports(442, 444) == set()
	count(lib.sensitive_ports(0, 65535)) > 30
}

eks(vpc, mask, expressions) := {
	"type": "aws_eks_cluster",
	"after": {"vpc_config": [vpc]},
	"after_unknown": {"vpc_config": [mask]},
	"expressions": expressions,
}

test_left_out_attribute_takes_the_provider_default if {
	r := eks({"endpoint_public_access": true}, {"public_access_cidrs": true}, {"vpc_config": [{"subnet_ids": {}}]})
	lib.effective(r, ["vpc_config", 0, "public_access_cidrs"]) == ["0.0.0.0/0"]
	not lib.undecided(r, ["vpc_config", 0, "public_access_cidrs"])
	startswith(lib.provider_default(r, ["vpc_config", 0, "public_access_cidrs"]).source, "https://")
}

test_attribute_set_to_an_unknown_value_stays_undecided if {
	r := eks({"endpoint_public_access": true}, {"public_access_cidrs": true}, {"vpc_config": [{"public_access_cidrs": {"references": ["var.cidrs"]}}]})
	lib.undecided(r, ["vpc_config", 0, "public_access_cidrs"])
	not lib.effective(r, ["vpc_config", 0, "public_access_cidrs"])
}

test_block_that_a_dynamic_block_may_write_stays_undecided if {
	r := eks({"endpoint_public_access": true}, {"public_access_cidrs": true}, {})
	lib.undecided(r, ["vpc_config", 0, "public_access_cidrs"])
}

test_without_configuration_nothing_is_defaulted if {
	r := json.remove(eks({}, {"public_access_cidrs": true}, {}), ["expressions"])
	lib.undecided(r, ["vpc_config", 0, "public_access_cidrs"])
}

test_known_values_stand if {
	r := eks({"public_access_cidrs": ["10.0.0.0/8"]}, {}, {"vpc_config": [{"public_access_cidrs": {"constant_value": ["10.0.0.0/8"]}}]})
	lib.effective(r, ["vpc_config", 0, "public_access_cidrs"]) == ["10.0.0.0/8"]
	lib.effective(r, ["vpc_config", 0, "endpoint_public_access"]) == true
}

test_naming_adds_aliases_only_when_a_check_is_named if {
	object.union({"resource": "r"}, lib.naming(["CKV_X_1"])) == {"resource": "r", "aliases": ["CKV_X_1"]}
	object.union({"resource": "r"}, lib.naming([])) == {"resource": "r"}
}
