package planguard.iam.gcp.service_account_user_project_test

import data.planguard.iam.gcp.service_account_user_project as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.grant", [type]),
	"config_address": sprintf("%s.grant", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_project_sa_user_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/iam.serviceAccountUser", "member": "group:ml@example.com"}, [])
	some f in findings
	f.attribute == "role"
}

test_token_creator_binding_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("google_folder_iam_binding", {"role": "roles/iam.serviceAccountTokenCreator", "members": ["user:a@example.com"]}, [])
}

test_policy_document_is_denied if {
	doc := json.marshal({"bindings": [{"role": "roles/iam.serviceAccountUser", "members": ["user:a@example.com"]}]})
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("google_project_iam_policy", {"policy_data": doc}, [])
}

test_service_account_level_grant_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_service_account_iam_member", {"role": "roles/iam.serviceAccountUser", "member": "user:a@example.com"}, [])
}

test_unknown_role_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"member": "user:a@example.com"}, ["role"])
}

# ---- the roles that reach the same, and which checks each finding names

only_finding(findings) := f if {
	count(findings) == 1
	some f in findings
}

test_project_sa_user_names_trivy_and_both_checkov_checks if {
	f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/iam.serviceAccountUser", "member": "group:ml@example.com"}, [])
	f.aliases == ["AVD-GCP-0011", "CKV_GCP_41", "CKV_GCP_49"]
}

test_folder_token_creator_names_the_folder_checks if {
	f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_folder_iam_binding", {"role": "roles/iam.serviceAccountTokenCreator", "members": ["user:a@example.com"]}, [])
	f.aliases == ["AVD-GCP-0005", "CKV_GCP_44"]
}

test_key_admin_on_the_organization_is_denied_naming_checkov_only if {
	f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_organization_iam_member", {"role": "roles/iam.serviceAccountKeyAdmin", "member": "user:a@example.com"}, [])
	f.attribute == "role"
	f.aliases == ["CKV_GCP_45"]
}

test_roles_that_reach_impersonation_are_denied if {
	every role in ["roles/iam.workloadIdentityUser", "roles/iam.serviceAccountAdmin", "roles/iam.securityAdmin", "roles/resourcemanager.projectIamAdmin", "roles/dataproc.editor", "roles/dataproc.serviceAgent"] {
		f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_project_iam_member", {"role": role, "member": "group:ml@example.com"}, [])
		f.aliases == ["CKV_GCP_49"]
	}
}

# Checkov's list has it, but it holds no iam.* permission: the deliberate difference.
test_dataflow_developer_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/dataflow.developer", "member": "user:a@example.com"}, [])
}

# A policy document: Checkov reads only member and binding resources.
test_policy_document_names_trivy_only if {
	doc := json.marshal({"bindings": [{"role": "roles/iam.serviceAccountTokenCreator", "members": ["user:a@example.com"]}]})
	f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_folder_iam_policy", {"policy_data": doc}, [])
	f.aliases == ["AVD-GCP-0005"]
}

test_policy_document_with_a_takeover_role_names_nothing if {
	doc := json.marshal({"bindings": [{"role": "roles/iam.securityAdmin", "members": ["user:a@example.com"]}]})
	f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_project_iam_policy", {"policy_data": doc}, [])
	not f.aliases
}

# Owner and Editor: users, groups, domains and service accounts are other rules'; the rest here.
test_owner_to_a_workload_identity_pool_is_denied if {
	f := only_finding(policy.deny) with data.planguard.resources_by_type as res("google_project_iam_binding", {"role": "roles/owner", "members": ["principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/*"]}, [])
	f.aliases == ["CKV_GCP_49"]
}

test_editor_to_a_user_or_service_account_is_left_to_other_rules if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/editor", "member": "user:a@example.com"}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/editor", "member": "serviceAccount:ci@p.iam.gserviceaccount.com"}, [])
}

test_owner_to_a_member_known_after_apply_is_not_judged if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/owner"}, ["member"])
}

test_viewer_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_project_iam_member", {"role": "roles/viewer", "member": "principalSet://iam.googleapis.com/x"}, [])
}
