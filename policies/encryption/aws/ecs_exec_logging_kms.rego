# METADATA
# title: ECS Exec sessions are not encrypted and logged with a KMS key
# description: >-
#   ECS Exec opens a shell in a running task: on a training or serving
#   cluster, the session sees data, model files and credentials. A cluster
#   whose execute_command_configuration logs sessions (any logging other
#   than NONE) should encrypt them with its own KMS key (kms_key_id) and
#   encrypt the session log it writes to CloudWatch Logs or S3.
# custom:
#   id: PG-AWS-ECS-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ecs_cluster]
#   aliases: [CKV_AWS_224]
#   remediation: >-
#     In `configuration { execute_command_configuration { ... } }` set
#     `kms_key_id`, `logging = "OVERRIDE"` and `log_configuration {
#     cloud_watch_encryption_enabled = true }` (or
#     `s3_bucket_encryption_enabled = true`).
package planguard.encryption.aws.ecs_exec_logging_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ecs_cluster
	some i, conf in object.get(r.after, "configuration", [])
	some j, exec in object.get(conf, "execute_command_configuration", [])
	base := ["configuration", i, "execute_command_configuration", j]
	not lib.is_unknown(r, base)
	object.get(exec, "logging", "DEFAULT") != "NONE"
	problem := unprotected(r, exec, base)
	finding := {
		"msg": sprintf("ECS cluster %s: ECS Exec sessions %s.", [r.address, problem.what]),
		"resource": r.address,
		"attribute": lib.path_text(problem.path),
	}
}

unprotected(r, exec, base) := {"what": "are not encrypted with a KMS key of yours", "path": array.concat(base, ["kms_key_id"])} if {
	not lib.refers_to(r, lib.path_text(array.concat(base, ["kms_key_id"])))
	object.get(exec, "kms_key_id", null) in {null, ""}
} else := {"what": "are logged without encryption", "path": array.concat(base, ["log_configuration"])} if {
	not encrypted_log(exec)
}

encrypted_log(exec) if {
	some log in object.get(exec, "log_configuration", [])
	some attribute in ["cloud_watch_encryption_enabled", "s3_bucket_encryption_enabled"]
	log[attribute] == true
}
