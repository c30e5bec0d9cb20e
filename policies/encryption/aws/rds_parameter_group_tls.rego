# METADATA
# title: RDS DB instance's parameter group does not force TLS
# description: >-
#   RDS accepts unencrypted client connections unless the instance's
#   parameter group forces TLS: rds.force_ssl = 1 for PostgreSQL and SQL
#   Server, require_secure_transport = 1 for MySQL and MariaDB, db2comm = SSL
#   for Db2 Advanced Edition. Without it, passwords, queries and the rows
#   they return (experiment metadata, features) may cross the network in
#   clear text. An instance is judged when its parameter_group_name refers
#   to an aws_db_parameter_group of the configuration; one on a default or
#   outside group is not (PostgreSQL 15 and later force TLS by default).
# custom:
#   id: PG-AWS-RDS-111
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_db_instance]
#   aliases: [CKV2_AWS_69]
#   remediation: >-
#     Add `parameter { name = "rds.force_ssl"  value = "1" }` (PostgreSQL,
#     SQL Server) or `parameter { name = "require_secure_transport"  value =
#     "1" }` (MySQL, MariaDB) to the instance's aws_db_parameter_group, and
#     have clients connect with TLS.
package planguard.encryption.aws.rds_parameter_group_tls

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_db_instance
	some group in groups_of(r)
	some setting in settings_missing(group)
	finding := {
		"msg": sprintf("RDS instance %s uses parameter group %s, which does not set %s: the database accepts unencrypted connections.", [r.address, group.address, setting]),
		"resource": r.address,
		"attribute": "parameter_group_name",
	}
}

# The aws_db_parameter_group instances the instance's parameter_group_name refers to.
groups_of(r) := [g |
	some ref in data.planguard.references[r.config_address]
	lib.covers("parameter_group_name", ref.attribute)
	some g in object.get(groups_by_config_address, ref.to, set())
]

groups_by_config_address[address] contains g if {
	some g in object.get(data.planguard.resources_by_type, "aws_db_parameter_group", [])
	address := g.config_address
}

# The TLS settings a group of its family needs and does not hold ("name = value"), as
# Checkov's RDSEncryptionInTransit reads them. A family or parameter known only after
# apply is not judged.
settings_missing(group) := {sprintf("%s = %s", [name, value]) |
	not lib.is_unknown(group, ["family"])
	not lib.unknown_within(group, ["parameter"])
	family := object.get(group.after, "family", "")
	is_string(family)
	some engine, [name, value] in tls_parameter
	needs(engine, family)
	not sets(group, name, value)
}

# The parameter that forces TLS, by engine.
tls_parameter := {
	"postgres-sqlserver": ["rds.force_ssl", "1"],
	"mysql-mariadb": ["require_secure_transport", "1"],
	"db2-ae": ["db2comm", "SSL"],
}

# Which families need which parameter (family names start with the engine's; SQL
# Server's are sqlserver-ee-16.0 and the like).
needs("postgres-sqlserver", family) if startswith(family, "postgres")

needs("postgres-sqlserver", family) if contains(family, "sqlserver")

needs("mysql-mariadb", family) if regex.match(`^(mariadb|mysql)`, family)

needs("db2-ae", family) if contains(family, "db2-ae")

sets(group, name, value) if {
	some p in object.get(group.after, "parameter", [])
	p.name == name
	sprintf("%v", [p.value]) == value
}
