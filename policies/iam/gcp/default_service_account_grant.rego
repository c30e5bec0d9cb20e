# METADATA
# title: IAM role granted to a default service account
# description: >-
#   The Compute Engine and App Engine default service accounts are attached
#   to every VM, function and app that does not name another account; a role
#   granted to them at project, folder or organization level goes to all of
#   those workloads at once.
# custom:
#   id: PG-GCP-IAM-105
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   aliases: [AVD-GCP-0004, AVD-GCP-0006, AVD-GCP-0008, CKV_GCP_46, CKV_GCP_47, CKV_GCP_48]
#   remediation: >-
#     Create a service account per workload with only the roles it needs and
#     grant the role to it; attach it to the workload instead of the default.
package planguard.iam.gcp.default_service_account_grant

import data.planguard.lib

deny contains finding if {
	some grant in lib.gcp_iam_grants(["project", "folder", "organization"])
	lib.gcp_default_service_account(grant.member)
	finding := {
		"msg": sprintf("%s grants %s to the default service account %s.", [grant.address, grant.role, grant.member]),
		"resource": grant.address,
		"attribute": grant.attribute,
	}
}
