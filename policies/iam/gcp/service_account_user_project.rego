# METADATA
# title: Role that can take over service accounts granted on a whole project, folder or organization
# description: >-
#   roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator
#   granted at project (or folder, organization) level let the member act as
#   every service account in scope, including those of training pipelines
#   and deployment jobs with broad permissions. So do the roles that mint
#   credentials for them or hand out those roles: Workload Identity User,
#   Service Account Admin and Key Admin, Security Admin, the Resource
#   Manager IAM and folder/organization admin roles, Dataproc Editor and
#   Admin (jobs on existing clusters run as the clusters' accounts) and the
#   Dataproc and serverless service agent roles. Owner and Editor are judged
#   here only for members PG-GCP-IAM-101 (users, groups, domains) and
#   PG-GCP-IAM-106 (service accounts) do not judge. Grant these roles on the
#   one service account that is needed.
# custom:
#   id: PG-GCP-IAM-104
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   aliases: []
#   narrower: [AVD-GCP-0005, AVD-GCP-0009, AVD-GCP-0011, CKV_GCP_41, CKV_GCP_44, CKV_GCP_45, CKV_GCP_49]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "1.6"
#   remediation: >-
#     Grant the role on the service account itself with
#     `google_service_account_iam_member`, or a narrower role at project level.
package planguard.iam.gcp.service_account_user_project

import data.planguard.lib

# The two roles that are impersonation itself (CIS 1.6; Trivy's and
# Checkov's CKV_GCP_41 question).
impersonation_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

# Roles that reach the same: minting tokens or keys for any account in scope,
# granting oneself the roles above, or running code as the accounts of
# existing Dataproc clusters. (Checkov's list also has
# roles/dataflow.developer, which holds no iam.* permission: launching a job
# as a worker account needs actAs on it.)
takeover_roles := impersonation_roles | {
	"roles/iam.workloadIdentityUser",
	"roles/iam.serviceAccountAdmin",
	"roles/iam.serviceAccountKeyAdmin",
	"roles/iam.securityAdmin",
	"roles/resourcemanager.projectIamAdmin",
	"roles/resourcemanager.folderIamAdmin",
	"roles/resourcemanager.folderAdmin",
	"roles/resourcemanager.organizationAdmin",
	"roles/dataproc.editor",
	"roles/dataproc.admin",
	"roles/dataproc.serviceAgent",
	"roles/serverless.serviceAgent",
}

basic_roles := {"roles/owner", "roles/editor"}

levels := ["project", "folder", "organization"]

deny contains finding if {
	some level in levels
	some kind in ["member", "binding"]
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_%s", [level, kind])]
	not lib.is_unknown(r, ["role"])
	judged(r.after.role, members(r, kind))
	finding := object.union(
		{
			"msg": sprintf("%s grants %s, which can take over every service account in the %s.", [r.address, r.after.role, level]),
			"resource": r.address,
			"attribute": "role",
		},
		lib.naming(names(level, kind, r.after.role)),
	)
}

deny contains finding if {
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_policy", [level])]
	not lib.is_unknown(r, ["policy_data"])
	doc := json.unmarshal(r.after.policy_data)
	some b in object.get(doc, "bindings", [])
	members := object.get(b, "members", [])
	count(members) > 0
	judged(b.role, members)
	finding := object.union(
		{
			"msg": sprintf("%s grants %s, which can take over every service account in the %s.", [r.address, b.role, level]),
			"resource": r.address,
			"attribute": "policy_data",
		},
		lib.naming(names(level, "policy", b.role)),
	)
}

# The known members of a grant (an unknown member is not judged).
members(r, "member") := [m |
	not lib.is_unknown(r, ["member"])
	m := r.after.member
]

members(r, "binding") := [m | some m in object.get(r.after, "members", [])]

judged(role, _) if role in takeover_roles

# Owner and Editor include actAs and token minting too; users, groups,
# domains and service accounts holding them are PG-GCP-IAM-101's and 106's.
judged(role, grantees) if {
	role in basic_roles
	some m in grantees
	is_string(m)
	not judged_elsewhere(m)
}

judged_elsewhere(m) if {
	some prefix in ["user:", "group:", "domain:", "serviceAccount:"]
	startswith(m, prefix)
}

# The narrower checks a finding is one of. Trivy judges the two impersonation
# roles at each level; Checkov's CKV_GCP_41 those two, and CKV_GCP_49/44/45
# its whole list, on member and binding resources only.
names(level, kind, role) := sort([id | some id in (trivy_ids(level, role) | checkov_ids(level, kind, role))])

trivy := {"project": "AVD-GCP-0011", "folder": "AVD-GCP-0005", "organization": "AVD-GCP-0009"}

checkov_list := {"project": "CKV_GCP_49", "folder": "CKV_GCP_44", "organization": "CKV_GCP_45"}

trivy_ids(level, role) := {trivy[level] | role in impersonation_roles}

checkov_ids(level, kind, role) := {checkov_list[level] | kind != "policy"} | {"CKV_GCP_41" |
	kind != "policy"
	level == "project"
	role in impersonation_roles
}
