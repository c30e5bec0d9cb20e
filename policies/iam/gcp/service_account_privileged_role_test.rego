package planguard.iam.gcp.service_account_privileged_role_test

import data.planguard.iam.gcp.service_account_privileged_role as policy
import data.planguard.lib.test as t

member := "google_project_iam_member.pipeline"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

sa := "serviceAccount:pipeline@p.iam.gserviceaccount.com"

test_privileged_roles_for_service_accounts_are_denied if {
	t.assert_denied(findings(member, {"role": "roles/editor", "member": sa}, []), member, "member")
	t.assert_denied(findings(member, {"role": "roles/storage.admin", "member": sa}, []), member, "member")
	policy_doc := json.marshal({"bindings": [{"role": "roles/owner", "members": [sa]}]})
	t.assert_denied(findings("google_organization_iam_policy.org", {"policy_data": policy_doc}, []), "google_organization_iam_policy.org", "policy_data")
}

test_narrow_roles_and_people_pass if {
	t.assert_passes(findings(member, {"role": "roles/storage.objectViewer", "member": sa}, []), member)
	t.assert_passes(findings(member, {"role": "roles/storage.admin", "member": "group:ml-admins@example.com"}, []), member)
}

test_role_known_after_apply_is_not_judged if {
	t.assert_passes(findings(member, {"member": sa}, ["role"]), member)
}
