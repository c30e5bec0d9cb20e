# METADATA
# title: RDS global cluster does not encrypt its storage
# description: >-
#   A global cluster replicates a database to other regions. Created from
#   scratch without `storage_encrypted = true`, every regional copy stores its
#   data and backups unencrypted, and encryption cannot be added later.
# custom:
#   id: PG-AWS-RDS-107
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_rds_global_cluster]
#   aliases: [CKV_AWS_140]
#   defaults:
#     - aws_rds_global_cluster storage_encrypted
#   remediation: >-
#     Set `storage_encrypted = true`, or build the global cluster from an
#     encrypted cluster with `source_db_cluster_identifier`.
package planguard.encryption.aws.rds_global_cluster_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_rds_global_cluster
	# Built from an existing cluster, it takes that cluster's encryption.
	not from_source(r)
	lib.effective(r, ["storage_encrypted"]) != true
	finding := {
		"msg": sprintf("RDS global cluster %s does not encrypt its storage.", [r.address]),
		"resource": r.address,
		"attribute": "storage_encrypted",
	}
}

from_source(r) if lib.is_unknown(r, ["source_db_cluster_identifier"])

from_source(r) if {
	s := r.after.source_db_cluster_identifier
	is_string(s)
	s != ""
}
