# METADATA
# title: ECS task mounts an EFS volume without encryption in transit
# description: >-
#   An ECS task definition's EFS volume without `transit_encryption =
#   "ENABLED"` (the default is DISABLED) mounts the file system over plain
#   NFS: training data, checkpoints and model files cross the network
#   unencrypted.
# custom:
#   id: PG-AWS-ECS-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ecs_task_definition]
#   aliases: [CKV_AWS_97, AVD-AWS-0035]
#   remediation: >-
#     Set `efs_volume_configuration { transit_encryption = "ENABLED" }` on every
#     EFS volume of the task definition.
package planguard.encryption.aws.ecs_efs_transit_encryption

import data.planguard.lib

# Trivy's AVD-AWS-0035 also fails every volume that is not an EFS volume (a
# host bind mount, a Docker volume): it carries no EFS traffic and cannot take
# transit_encryption, so it passes here on purpose (docs/coverage/aws-core.json
# says so as `differs`).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ecs_task_definition
	some i, volume in object.get(r.after, "volume", [])
	some j, efs in object.get(volume, "efs_volume_configuration", [])
	path := ["volume", i, "efs_volume_configuration", j, "transit_encryption"]
	not lib.is_unknown(r, path)
	object.get(efs, "transit_encryption", null) != "ENABLED"
	finding := {
		"msg": sprintf("Task definition %s mounts EFS volume %q without encryption in transit.", [r.address, object.get(volume, "name", "")]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
