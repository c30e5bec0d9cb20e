# METADATA
# title: OpenSearch domain has a public endpoint
# description: >-
#   A domain without `vpc_options` gets an internet-facing endpoint, guarded
#   only by its access policy. Vector stores and log indexes of an ML platform
#   belong inside the VPC, reachable by the services that use them.
# custom:
#   id: PG-AWS-OPENSEARCH-106
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   aliases: [CKV_AWS_137]
#   remediation: Add `vpc_options { subnet_ids = [...], security_group_ids = [...] }` (the domain is replaced).
package planguard.network.aws.opensearch_domain_not_in_vpc

import data.planguard.lib

deny contains finding if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["vpc_options"])
	not in_vpc(r)
	finding := {
		"msg": sprintf("Search domain %s has an internet-facing endpoint instead of VPC placement.", [r.address]),
		"resource": r.address,
		"attribute": "vpc_options",
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
