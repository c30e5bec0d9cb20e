# METADATA
# title: Cloud Storage bucket does not enforce public access prevention
# description: >-
#   With `public_access_prevention = "inherited"` (the default) the bucket is
#   protected only if an organization policy enforces it; a single IAM grant
#   to allUsers then publishes the datasets or model weights inside.
#   "enforced" blocks public grants on the bucket whatever the
#   organization's settings.
# custom:
#   id: PG-GCP-GCS-103
#   severity: low
#   category: iam
#   providers: [google]
#   resource_types: [google_storage_bucket]
#   aliases: [CKV_GCP_114]
#   remediation: >-
#     Set `public_access_prevention = "enforced"`, or enforce the
#     storage.publicAccessPrevention organization policy.
package planguard.iam.gcp.gcs_public_access_prevention

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_storage_bucket
	not lib.pending(r, ["public_access_prevention"])
	object.get(r.after, "public_access_prevention", "inherited") != "enforced"
	finding := {
		"msg": sprintf("Cloud Storage bucket %s does not enforce public access prevention.", [r.address]),
		"resource": r.address,
		"attribute": "public_access_prevention",
	}
}
