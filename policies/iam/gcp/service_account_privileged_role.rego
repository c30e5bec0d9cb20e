# METADATA
# title: Service account granted an owner, editor or admin role
# description: >-
#   A service account's key or token is used by code (a training job, a
#   pipeline, a notebook); with Owner, Editor, a service's editor or owner
#   role or an admin role (any role whose name holds admin, Admin, editor or
#   owner) at project, folder or organization level, whoever obtains that
#   credential controls the resources the role covers.
# custom:
#   id: PG-GCP-IAM-106
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   aliases: [AVD-GCP-0007]
#   narrower: [CKV_GCP_42, CKV_GCP_44, CKV_GCP_45, CKV_GCP_49]
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
		"aliases": checkov_ids(grant),
	}
}

# Checkov's CKV_GCP_42 judges google_project_iam_member only, for a
# user-managed account (...@<project>.iam.gserviceaccount.com).
checkov_ids(grant) := sort([id | some id in (ckv_42(grant) | ckv_takeover(grant))])

ckv_42(grant) := {"CKV_GCP_42" |
	grant.attribute == "member"
	regex.match(`(^|\.)google_project_iam_member\.`, grant.address)
	regex.match(`@.*\.iam\.gserviceaccount\.com$`, grant.member)
	checkov_admin_role(grant.role)
}

# CKV_GCP_49/44/45 (roles that can take over service accounts, on member and
# binding resources) name Owner and Editor here, whoever holds them; the
# list's other roles are PG-GCP-IAM-104's.
ckv_takeover(grant) := {checkov_takeover[level] |
	grant.role in {"roles/owner", "roles/editor"}
	some level, _ in checkov_takeover
	regex.match(sprintf(`(^|\.)google_%s_iam_(member|binding)\.`, [level]), grant.address)
}

checkov_takeover := {"project": "CKV_GCP_49", "folder": "CKV_GCP_44", "organization": "CKV_GCP_45"}

# Its role test: Admin, admin, editor or owner anywhere in the name.
checkov_admin_role(role) if regex.match(`Admin|admin|editor|owner`, role)

privileged(role) if role in {"roles/owner", "roles/editor"}

privileged(role) if endswith(lower(role), "admin")

# A service's editor or owner role (roles/pubsub.editor, roles/datastore.owner)
# or an admin role of any name (roles/compute.osAdminLogin, a custom
# ...AdminRole): write or administrative access across the project.
privileged(role) if regex.match(`Admin|admin|editor|owner`, role)
