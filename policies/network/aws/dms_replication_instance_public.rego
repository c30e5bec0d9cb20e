# METADATA
# title: DMS replication instance is publicly accessible
# description: >-
#   Database Migration Service instances copy whole databases (often into the
#   data lake for training). A publicly accessible one has a public IP and
#   holds credentials for both ends of the migration.
# custom:
#   id: PG-AWS-DMS-101
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_dms_replication_instance]
#   aliases: [CKV_AWS_89]
#   remediation: Set `publicly_accessible = false` and place the instance in private subnets.
package planguard.network.aws.dms_replication_instance_public

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_dms_replication_instance
	not lib.is_unknown(r, ["publicly_accessible"])
	lib.is_true(r, ["publicly_accessible"])
	finding := {
		"msg": sprintf("DMS replication instance %s is publicly accessible.", [r.address]),
		"resource": r.address,
		"attribute": "publicly_accessible",
	}
}
