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
