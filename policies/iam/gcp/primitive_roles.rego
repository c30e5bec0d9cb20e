# METADATA
# title: Basic Owner or Editor role granted to a user or group
# description: >-
#   roles/owner and roles/editor on a project, folder or organization grant
#   write access to almost every service: a phished data scientist account
#   then owns every bucket, notebook and model in scope. Grant predefined or
#   custom roles to the people who need them instead. Grants to service
#   accounts are not reported by this rule.
# custom:
#   id: PG-GCP-IAM-101
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   aliases: []
#   narrower: [CKV_GCP_44, CKV_GCP_45, CKV_GCP_49]
#   related: [CKV_GCP_117]
#   remediation: >-
#     Replace roles/owner and roles/editor with predefined roles scoped to the
#     job (roles/aiplatform.user, roles/storage.objectAdmin on one bucket,
#     ...), granted to groups.
package planguard.iam.gcp.primitive_roles

import data.planguard.lib

basic_roles := {"roles/owner", "roles/editor"}

levels := ["project", "folder", "organization"]

# Checkov's CKV_GCP_49/44/45 (roles that can take over service accounts) fail
# Owner and Editor on member and binding resources, whoever holds them.
checkov_takeover := {"project": "CKV_GCP_49", "folder": "CKV_GCP_44", "organization": "CKV_GCP_45"}

deny contains finding if {
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_member", [level])]
	r.after.role in basic_roles
	human(r.after.member)
	not lib.is_unknown(r, ["member"])
	finding := {
		"msg": sprintf("%s grants a basic Owner or Editor role to a user or group.", [r.address]),
		"resource": r.address,
		"attribute": "role",
		"aliases": [checkov_takeover[level]],
	}
}

deny contains finding if {
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_binding", [level])]
	r.after.role in basic_roles
	not lib.is_unknown(r, ["members"])
	some m in object.get(r.after, "members", [])
	human(m)
	finding := {
		"msg": sprintf("%s grants a basic Owner or Editor role to a user or group.", [r.address]),
		"resource": r.address,
		"attribute": "role",
		"aliases": [checkov_takeover[level]],
	}
}

deny contains finding if {
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_policy", [level])]
	not lib.is_unknown(r, ["policy_data"])
	doc := json.unmarshal(r.after.policy_data)
	some b in object.get(doc, "bindings", [])
	b.role in basic_roles
	some m in object.get(b, "members", [])
	human(m)
	finding := {
		"msg": sprintf("%s grants a basic Owner or Editor role to a user or group.", [r.address]),
		"resource": r.address,
		"attribute": "policy_data",
	}
}

human(m) if {
	is_string(m)
	some prefix in ["user:", "group:", "domain:"]
	startswith(m, prefix)
}
