# METADATA
# title: Internet-facing OpenSearch domain allows anyone in its access policy
# description: >-
#   A domain outside a VPC whose access policy allows Principal "*" without a
#   condition that binds the caller (such as aws:SourceIp of a private or
#   office range, or aws:PrincipalOrgID) answers anyone on the internet:
#   vector indexes, RAG documents and logs can be read, changed or deleted. A
#   condition that only says how the request is made (aws:SecureTransport)
#   does not count, and an Allow with NotPrincipal (every principal but the
#   ones it names) counts as "*". Domains inside a VPC, where security groups
#   limit who can connect, are not reported.
# custom:
#   id: PG-AWS-OPENSEARCH-105
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, aws_opensearch_domain_policy, aws_elasticsearch_domain_policy]
#   aliases: []
#   remediation: >-
#     Name IAM principals in the access policy (and turn on fine-grained
#     access control), add an aws:SourceIp condition, or move the domain into
#     a VPC with `vpc_options`.
package planguard.iam.aws.opensearch_access_policy_public

import data.planguard.lib
import data.planguard.lib.aws_iam

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

policy_types := ["aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"]

deny contains finding if {
	some t in domain_types
	some r in data.planguard.resources_by_type[t]
	public_domain(r)
	open_policy(r)
	finding := {
		"msg": sprintf("Domain %s is reachable from the internet and its access policy allows anyone.", [r.address]),
		"resource": r.address,
		"attribute": "access_policies",
	}
}

deny contains finding if {
	some t in policy_types
	some r in data.planguard.resources_by_type[t]
	open_policy(r)
	some ref in data.planguard.references[r.config_address]
	ref.attribute == "domain_name"
	some dt in domain_types
	some d in data.planguard.resources_by_type[dt]
	d.config_address == ref.to
	public_domain(d)
	finding := {
		"msg": sprintf("%s lets anyone use an internet-facing search domain.", [r.address]),
		"resource": r.address,
		"attribute": "access_policies",
	}
}

# Known to have no VPC placement.
public_domain(d) if {
	not lib.is_unknown(d, ["vpc_options"])
	not in_vpc(d)
}

in_vpc(d) if {
	some v in object.get(d.after, "vpc_options", [])
	count(object.get(v, "subnet_ids", [])) > 0
}

in_vpc(d) if {
	some i, _ in object.get(d.after, "vpc_options", [])
	lib.is_unknown(d, ["vpc_options", i, "subnet_ids"])
}

open_policy(r) if {
	not lib.is_unknown(r, ["access_policies"])
	doc := json.unmarshal(r.after.access_policies)
	some s in aws_iam.statements(doc)
	aws_iam.public_statement(s)
}
