# METADATA
# title: BigQuery dataset is shared with allUsers or allAuthenticatedUsers
# description: >-
#   An access entry for allUsers (anyone on the internet) or
#   allAuthenticatedUsers (anyone with a Google account) makes every table of
#   the dataset (training data, features, predictions) readable outside your
#   organization.
# custom:
#   id: PG-GCP-BIGQUERY-102
#   severity: critical
#   category: iam
#   providers: [google]
#   resource_types: [google_bigquery_dataset, google_bigquery_dataset_access]
#   aliases: []
#   narrower: [AVD-GCP-0046, CKV_GCP_15]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "7.1"
#   remediation: >-
#     Remove the access entry; grant roles to specific users, groups, service
#     accounts or authorized views instead.
package planguard.iam.gcp.bigquery_dataset_public

public_members := {"allUsers", "allAuthenticatedUsers"}

# The attributes of an access entry that can name a public member.
member_fields := ["special_group", "iam_member"]

deny contains finding if {
	some r in data.planguard.resources_by_type.google_bigquery_dataset
	some i, entry in object.get(r.after, "access", [])
	some field in member_fields
	object.get(entry, field, null) in public_members
	finding := {
		"msg": sprintf("BigQuery dataset %s grants %s to %s.", [r.address, object.get(entry, "role", "a role"), entry[field]]),
		"resource": r.address,
		"attribute": sprintf("access.%v.%s", [i, field]),
		# Checkov's CKV_GCP_15 reads the dataset's access blocks, not
		# google_bigquery_dataset_access: it fails each public entry here.
		"aliases": array.concat(trivy_ids(field, entry[field]), ["CKV_GCP_15"]),
	}
}

# Trivy's AVD-GCP-0046 reads the dataset's access blocks for special_group
# allAuthenticatedUsers only.
trivy_ids(field, member) := ["AVD-GCP-0046"] if {
	field == "special_group"
	member == "allAuthenticatedUsers"
} else := []

deny contains finding if {
	some r in data.planguard.resources_by_type.google_bigquery_dataset_access
	some field in member_fields
	object.get(r.after, field, null) in public_members
	finding := {
		"msg": sprintf("%s grants %s on its dataset to %s.", [r.address, object.get(r.after, "role", "a role"), r.after[field]]),
		"resource": r.address,
		"attribute": field,
	}
}
