# METADATA
# title: RDS snapshot is shared with every AWS account
# description: >-
#   `shared_accounts = ["all"]` makes a manual DB snapshot public: any AWS
#   account can copy it and restore the database (an experiment tracker, a
#   feature store) with all its data.
# custom:
#   id: PG-AWS-RDS-103
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_db_snapshot]
#   aliases: [CKV_AWS_302]
#   remediation: List the account IDs that need the snapshot in `shared_accounts`, never "all".
package planguard.iam.aws.db_snapshot_public

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_db_snapshot
	not lib.is_unknown(r, ["shared_accounts"])
	some account in object.get(r.after, "shared_accounts", [])
	account == "all"
	finding := {
		"msg": sprintf("RDS snapshot %s is shared with every AWS account.", [r.address]),
		"resource": r.address,
		"attribute": "shared_accounts",
	}
}
