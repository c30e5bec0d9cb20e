package planguard.lib.gcp_iam_test

import data.planguard.lib

res(address, after, unknown) := {"address": address, "config_address": address, "after": after, "unknown_paths": unknown}

by_type := {
	"google_project_iam_member": [
		res("google_project_iam_member.a", {"role": "roles/viewer", "member": "user:a@example.com"}, []),
		res("google_project_iam_member.later", {"role": "roles/viewer"}, ["member"]),
	],
	"google_folder_iam_binding": [res("google_folder_iam_binding.b", {"role": "roles/editor", "members": ["group:ml@example.com", "serviceAccount:1-compute@developer.gserviceaccount.com"]}, [])],
	"google_organization_iam_policy": [res("google_organization_iam_policy.p", {"policy_data": "{\"bindings\":[{\"role\":\"roles/owner\",\"members\":[\"user:root@example.com\"]}]}"}, [])],
}

test_grants_of_members_bindings_and_policies if {
	lib.gcp_iam_grants(["project", "folder", "organization"]) == {
		{"address": "google_project_iam_member.a", "role": "roles/viewer", "member": "user:a@example.com", "attribute": "member"},
		{"address": "google_folder_iam_binding.b", "role": "roles/editor", "member": "group:ml@example.com", "attribute": "members"},
		{"address": "google_folder_iam_binding.b", "role": "roles/editor", "member": "serviceAccount:1-compute@developer.gserviceaccount.com", "attribute": "members"},
		{"address": "google_organization_iam_policy.p", "role": "roles/owner", "member": "user:root@example.com", "attribute": "policy_data"},
	} with data.planguard.resources_by_type as by_type
}

test_grants_of_one_level if {
	count(lib.gcp_iam_grants(["project"])) == 1 with data.planguard.resources_by_type as by_type
}

test_default_service_accounts if {
	lib.gcp_default_service_account("serviceAccount:123-compute@developer.gserviceaccount.com")
	lib.gcp_default_service_account("my-project@appspot.gserviceaccount.com")
	not lib.gcp_default_service_account("serviceAccount:trainer@my-project.iam.gserviceaccount.com")
	not lib.gcp_default_service_account(null)
}
