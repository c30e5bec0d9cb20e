# METADATA
# title: Redshift parameter group does not require SSL
# description: >-
#   Unless its parameter group sets `require_ssl` to true, a Redshift
#   cluster accepts unencrypted client connections: queries, credentials and
#   the rows they return (training data, features) cross the network in
#   clear text. Every parameter group the plan declares is judged, since any
#   cluster may be pointed at it.
# custom:
#   id: PG-AWS-REDSHIFT-105
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_redshift_parameter_group]
#   aliases: [CKV_AWS_105]
#   remediation: >-
#     Add `parameter { name = "require_ssl"  value = "true" }` to the
#     parameter group and connect with TLS (sslmode=require or stricter).
package planguard.encryption.aws.redshift_parameter_group_ssl

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_parameter_group
	not lib.unknown_within(r, ["parameter"])
	not requires_ssl(r)
	finding := {
		"msg": sprintf("Redshift parameter group %s does not set require_ssl to true: clusters using it accept unencrypted connections.", [r.address]),
		"resource": r.address,
		"attribute": "parameter",
	}
}

requires_ssl(r) if {
	some p in object.get(r.after, "parameter", [])
	p.name == "require_ssl"
	lib.bool_text(p.value) == true
}
