# METADATA
# title: EFS file system is not encrypted at rest
# description: >-
#   EFS volumes are shared scratch and dataset storage for training jobs and
#   notebooks. The EFS API creates unencrypted file systems unless asked, and
#   encryption cannot be turned on later without copying the data to a new
#   file system.
# custom:
#   id: PG-AWS-EFS-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_efs_file_system]
#   aliases: [CKV_AWS_42, AVD-AWS-0037]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "2.4.1"
#   remediation: >-
#     Set `encrypted = true` (and `kms_key_id` for a customer-managed key); an
#     existing file system must be recreated and its data copied over.
package planguard.encryption.aws.efs_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_efs_file_system
	not lib.is_unknown(r, ["encrypted"])
	object.get(r.after, "encrypted", null) != true
	finding := {
		"msg": sprintf("EFS file system %s is not encrypted at rest.", [r.address]),
		"resource": r.address,
		"attribute": "encrypted",
	}
}
