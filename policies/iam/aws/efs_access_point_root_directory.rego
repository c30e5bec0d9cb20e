# METADATA
# title: EFS access point exposes the whole file system
# description: >-
#   An access point is how a training job, notebook or Lambda function gets
#   its share of a file system. With `root_directory.path` left out or "/",
#   every client of the access point sees every directory on the file
#   system (other teams' datasets, checkpoints, credentials written to
#   disk), not the one subtree it needs.
# custom:
#   id: PG-AWS-EFS-102
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_efs_access_point]
#   aliases: [CKV_AWS_329]
#   defaults:
#     - aws_efs_access_point root_directory
#     - aws_efs_access_point root_directory.path
#   remediation: >-
#     Add `root_directory { path = "/<team or workload>" }` (with a
#     `creation_info` block so that EFS creates the directory with the
#     owner and permissions the workload needs).
package planguard.iam.aws.efs_access_point_root_directory

import data.planguard.lib

# The root directory blocks as EFS will see them: the provider's default
# block (path "/") when the configuration leaves the block out.
blocks(r) := b if {
	b := lib.effective(r, ["root_directory"])
	is_array(b)
} else := [] if {
	lib.effective(r, ["root_directory"]) == null
}

# No block at all: the file system's root.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_efs_access_point
	blocks(r) == []
	finding := whole_file_system(r)
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_efs_access_point
	some i, b in blocks(r)
	# Undefined while a path the author set is known only after apply.
	path(r, i, b) in {null, "/"}
	not lib.refers_to(r, "root_directory.path")
	finding := whole_file_system(r)
}

# The block is the provider's default: its path is the default's.
path(r, _, b) := object.get(b, "path", null) if {
	lib.provider_default(r, ["root_directory"])
}

path(r, i, _) := p if {
	not lib.provider_default(r, ["root_directory"])
	p := lib.effective(r, ["root_directory", i, "path"])
}

whole_file_system(r) := {
	"msg": sprintf("EFS access point %s exposes the file system's root directory, not a subtree of it.", [r.address]),
	"resource": r.address,
	"attribute": "root_directory.0.path",
}
