package planguard.iam.gcp.default_service_account_grant_test

import data.planguard.iam.gcp.default_service_account_grant as policy
import data.planguard.lib.test as t

member := "google_project_iam_member.vm_storage"

binding := "google_folder_iam_binding.ml"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

default_sa := "serviceAccount:123456789-compute@developer.gserviceaccount.com"

test_grant_to_a_default_account_is_denied if {
	t.assert_denied(findings(member, {"role": "roles/storage.admin", "member": default_sa}, []), member, "member")
	t.assert_denied(findings(binding, {"role": "roles/viewer", "members": ["user:a@example.com", "serviceAccount:p@appspot.gserviceaccount.com"]}, []), binding, "members")
}

test_grant_to_a_dedicated_account_passes if {
	t.assert_passes(findings(member, {"role": "roles/storage.admin", "member": "serviceAccount:trainer@p.iam.gserviceaccount.com"}, []), member)
}

test_member_known_after_apply_is_not_judged if {
	t.assert_passes(findings(member, {"role": "roles/storage.admin"}, ["member"]), member)
}
