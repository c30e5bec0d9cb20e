package planguard.iam.gcp.primitive_roles_test

import data.planguard.iam.gcp.primitive_roles as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.grant", [type]),
	"config_address": sprintf("%s.grant", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_owner_to_user_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/owner", "member": "user:alice@example.com"}, [])
	some f in findings
	f.resource == "google_project_iam_member.grant"
	f.attribute == "role"
}

test_editor_binding_to_group_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("google_folder_iam_binding", {"role": "roles/editor", "members": ["group:ml@example.com"]}, [])
}

test_policy_document_is_denied if {
	doc := json.marshal({"bindings": [{"role": "roles/owner", "members": ["user:bob@example.com"]}]})
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("google_organization_iam_policy", {"policy_data": doc}, [])
}

test_predefined_role_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/aiplatform.user", "member": "user:alice@example.com"}, [])
}

test_service_account_editor_is_left_out if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/editor", "member": "serviceAccount:ci@p.iam.gserviceaccount.com"}, [])
}

test_unknown_member_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/owner"}, ["member"])
}

# Checkov's CKV_GCP_49/44/45 fail Owner and Editor on member and binding resources
# (its list of roles that can take over service accounts), not on policy documents.
test_findings_name_the_checkov_takeover_check_of_their_level if {
	some m in policy.deny with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/owner", "member": "user:alice@example.com"}, [])
	m.aliases == ["CKV_GCP_49"]
	some b in policy.deny with data.planguard.resources_by_type as res("google_organization_iam_binding", {"role": "roles/editor", "members": ["group:g@example.com"]}, [])
	b.aliases == ["CKV_GCP_45"]
	doc := json.marshal({"bindings": [{"role": "roles/owner", "members": ["user:alice@example.com"]}]})
	some p in policy.deny with data.planguard.resources_by_type as res("google_folder_iam_policy", {"policy_data": doc}, [])
	not p.aliases
}
