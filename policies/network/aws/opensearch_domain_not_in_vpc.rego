# METADATA
# title: OpenSearch domain is not in a VPC behind security groups of its own
# description: >-
#   A domain without `vpc_options` gets an internet-facing endpoint, guarded
#   only by its access policy. A domain in a VPC that names no security
#   group gets the VPC's default one, shared with whatever else was left on
#   it and rarely meant for the domain. Vector stores and log indexes of an
#   ML platform belong inside the VPC, reachable only by the services that
#   use them.
# custom:
#   id: PG-AWS-OPENSEARCH-106
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_248]
#   narrower: [CKV_AWS_137]
#   defaults:
#     - aws_opensearch_domain vpc_options.security_group_ids
#     - aws_elasticsearch_domain vpc_options.security_group_ids
#   remediation: >-
#     Add `vpc_options { subnet_ids = [...], security_group_ids = [...] }`
#     with a security group made for the domain (moving a public domain into
#     a VPC replaces it).
package planguard.network.aws.opensearch_domain_not_in_vpc

import data.planguard.lib

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

# No VPC at all: Checkov's CKV_AWS_137 (vpc_options absent) fails it too.
deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["vpc_options"])
	not in_vpc(r)
	finding := {
		"msg": sprintf("Search domain %s has an internet-facing endpoint instead of VPC placement.", [r.address]),
		"resource": r.address,
		"attribute": "vpc_options",
		"aliases": [id | some id in ["CKV_AWS_137"]; count(object.get(r.after, "vpc_options", [])) == 0],
	}
}

# In a VPC, but on the VPC's default security group.
deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	in_vpc(r)
	some i, _ in r.after.vpc_options
	path := ["vpc_options", i, "security_group_ids"]
	not lib.undecided(r, path)
	not lib.refers_to(r, "vpc_options.security_group_ids")
	not names_groups(lib.effective(r, path))
	finding := {
		"msg": sprintf("Search domain %s names no security group: its VPC endpoint gets the VPC's default one.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

in_vpc(r) if {
	some v in object.get(r.after, "vpc_options", [])
	count(object.get(v, "subnet_ids", [])) > 0
}

in_vpc(r) if {
	some i, _ in object.get(r.after, "vpc_options", [])
	lib.is_unknown(r, ["vpc_options", i, "subnet_ids"])
}

in_vpc(r) if lib.refers_to(r, "vpc_options.subnet_ids")

names_groups(v) if count(v) > 0
