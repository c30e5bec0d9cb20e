# METADATA
# title: Service account granted an owner, editor or admin role
# description: >-
#   A service account's key or token is used by code (a training job, a
#   pipeline, a notebook); with Owner, Editor or an *Admin role at project,
#   folder or organization level, whoever obtains that credential controls
#   the resources the role covers.
# custom:
#   id: PG-GCP-IAM-106
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   aliases: [AVD-GCP-0007]
#   related: [CKV_GCP_42]
#   remediation: >-
#     Grant the service account predefined or custom roles with only the
#     permissions its workload uses, on the resources it uses.
package planguard.iam.gcp.service_account_privileged_role

import data.planguard.lib

deny contains finding if {
	some grant in lib.gcp_iam_grants(["project", "folder", "organization"])
	startswith(grant.member, "serviceAccount:")
	privileged(grant.role)
	finding := {
		"msg": sprintf("%s grants %s to the service account %s.", [grant.address, grant.role, grant.member]),
		"resource": grant.address,
		"attribute": grant.attribute,
	}
}

privileged(role) if role in {"roles/owner", "roles/editor"}

privileged(role) if endswith(lower(role), "admin")
