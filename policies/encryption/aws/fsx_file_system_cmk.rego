# METADATA
# title: FSx file system is not encrypted with a customer-managed key
# description: >-
#   FSx for NetApp ONTAP, Windows File Server and OpenZFS file systems
#   always encrypt at rest, but without `kms_key_id` they use the
#   AWS-managed key aws/fsx: anyone the account lets use FSx can read
#   through it, and the key cannot be restricted, audited per dataset or
#   revoked. Checkov's check for each file system type (CKV_AWS_178 ONTAP,
#   CKV_AWS_179 Windows, CKV_AWS_203 OpenZFS) is named on that type's
#   findings.
# custom:
#   id: PG-AWS-FSX-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_fsx_ontap_file_system, aws_fsx_windows_file_system, aws_fsx_openzfs_file_system]
#   aliases: []
#   narrower: [CKV_AWS_178, CKV_AWS_179, CKV_AWS_203]
#   defaults:
#     - aws_fsx_ontap_file_system kms_key_id
#     - aws_fsx_windows_file_system kms_key_id
#     - aws_fsx_openzfs_file_system kms_key_id
#   remediation: >-
#     Set `kms_key_id` to a customer-managed KMS key (the file system is
#     replaced).
package planguard.encryption.aws.fsx_file_system_cmk

import data.planguard.lib

deny contains finding if {
	some t, check in checkov_checks
	some r in data.planguard.resources_by_type[t]
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply: not decided here.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not named(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["FSx file system", r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
		"aliases": [check],
	}
}

# Checkov judges each type apart, as this rule does: kms_key_id set to a
# non-empty value.
checkov_checks := {
	"aws_fsx_ontap_file_system": "CKV_AWS_178",
	"aws_fsx_windows_file_system": "CKV_AWS_179",
	"aws_fsx_openzfs_file_system": "CKV_AWS_203",
}

named(v) if {
	is_string(v)
	v != ""
}
