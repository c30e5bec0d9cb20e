# METADATA
# title: EFS access point does not enforce a POSIX user
# description: >-
#   Without a `posix_user` block, NFS clients of an access point act with
#   whatever user and group IDs they claim, root included, so any workload
#   that mounts it can read and overwrite every file its directory holds.
#   An access point with a POSIX user replaces the client's identity with
#   the one it names.
# custom:
#   id: PG-AWS-EFS-103
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_efs_access_point]
#   aliases: [CKV_AWS_330]
#   remediation: >-
#     Add `posix_user { uid = <uid>, gid = <gid> }` with the identity the
#     workload's files should be owned by (not 0).
package planguard.iam.aws.efs_access_point_posix_user

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_efs_access_point
	object.get(r.after, "posix_user", null) in {null, []}
	not lib.is_unknown(r, ["posix_user"])
	finding := {
		"msg": sprintf("EFS access point %s lets NFS clients act with any user and group ID they claim.", [r.address]),
		"resource": r.address,
		"attribute": "posix_user",
	}
}
