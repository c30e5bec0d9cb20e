# METADATA
# title: Cloud Storage bucket does not use uniform bucket-level access
# description: >-
#   Without `uniform_bucket_level_access`, object ACLs can grant access to
#   single objects (a checkpoint, a dataset shard) outside the bucket's IAM
#   policy, where reviews and organization policies do not see them.
# custom:
#   id: PG-GCP-GCS-102
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_storage_bucket]
#   aliases: [AVD-GCP-0002, CKV_GCP_29]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "5.2"
#   remediation: Set `uniform_bucket_level_access = true` and grant access through bucket IAM only.
package planguard.iam.gcp.gcs_uniform_access

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_storage_bucket
	not lib.is_unknown(r, ["uniform_bucket_level_access"])
	object.get(r.after, "uniform_bucket_level_access", false) != true
	finding := {
		"msg": sprintf("Cloud Storage bucket %s allows per-object ACLs (uniform bucket-level access is off).", [r.address]),
		"resource": r.address,
		"attribute": "uniform_bucket_level_access",
	}
}
