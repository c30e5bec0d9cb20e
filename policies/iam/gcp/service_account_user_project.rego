# METADATA
# title: Service Account User or Token Creator granted on a whole project, folder or organization
# description: >-
#   roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator
#   granted at project (or folder, organization) level let the member act as
#   every service account in scope, including those of training pipelines
#   and deployment jobs with broad permissions. Grant them on the one
#   service account that is needed.
# custom:
#   id: PG-GCP-IAM-104
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   aliases: [AVD-GCP-0005, AVD-GCP-0009, AVD-GCP-0011, CKV_GCP_41]
#   related: [CKV_GCP_44, CKV_GCP_45, CKV_GCP_49]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "1.6"
#   remediation: >-
#     Grant the role on the service account itself with
#     `google_service_account_iam_member`.
package planguard.iam.gcp.service_account_user_project

import data.planguard.lib

impersonation_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

levels := ["project", "folder", "organization"]

deny contains finding if {
	some level in levels
	some kind in ["member", "binding"]
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_%s", [level, kind])]
	r.after.role in impersonation_roles
	not lib.is_unknown(r, ["role"])
	finding := {
		"msg": sprintf("%s grants the right to impersonate every service account in the %s.", [r.address, level]),
		"resource": r.address,
		"attribute": "role",
	}
}

deny contains finding if {
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_policy", [level])]
	not lib.is_unknown(r, ["policy_data"])
	doc := json.unmarshal(r.after.policy_data)
	some b in object.get(doc, "bindings", [])
	b.role in impersonation_roles
	count(object.get(b, "members", [])) > 0
	finding := {
		"msg": sprintf("%s grants the right to impersonate every service account in the %s.", [r.address, level]),
		"resource": r.address,
		"attribute": "policy_data",
	}
}
