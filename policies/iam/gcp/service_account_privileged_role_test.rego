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

# A service's editor or owner role and admin roles of any name are privileged too.
test_service_editor_and_admin_named_roles_are_denied if {
	t.assert_denied(findings(member, {"role": "roles/pubsub.editor", "member": sa}, []), member, "member")
	t.assert_denied(findings(member, {"role": "roles/compute.osAdminLogin", "member": sa}, []), member, "member")
	t.assert_denied(findings(member, {"role": "roles/datastore.owner", "member": sa}, []), member, "member")
	t.assert_passes(findings(member, {"role": "roles/bigquery.dataViewer", "member": sa}, []), member)
}

# Checkov's CKV_GCP_42 judges project IAM members of user-managed accounts.
test_checkov_id_on_project_members_of_user_managed_accounts if {
	some f in findings(member, {"role": "roles/pubsub.editor", "member": sa}, [])
	f.aliases == ["CKV_GCP_42"]
	some g in findings(member, {"role": "roles/storage.admin", "member": "serviceAccount:123-compute@developer.gserviceaccount.com"}, [])
	g.aliases == []
	some h in findings("google_folder_iam_member.pipeline", {"role": "roles/storage.admin", "member": sa}, [])
	h.aliases == []
	some b in findings("google_project_iam_binding.pipeline", {"role": "roles/storage.admin", "members": [sa]}, [])
	b.aliases == []
}

# Checkov's CKV_GCP_49/44/45 fail Owner and Editor on member and binding resources.
test_checkov_takeover_ids_on_owner_and_editor if {
	some e in findings(member, {"role": "roles/editor", "member": "serviceAccount:123-compute@developer.gserviceaccount.com"}, [])
	e.aliases == ["CKV_GCP_49"]
	some o in findings("google_folder_iam_binding.pipeline", {"role": "roles/owner", "members": [sa]}, [])
	o.aliases == ["CKV_GCP_44"]
	some u in findings(member, {"role": "roles/editor", "member": sa}, [])
	u.aliases == ["CKV_GCP_42", "CKV_GCP_49"]
	policy_doc := json.marshal({"bindings": [{"role": "roles/owner", "members": [sa]}]})
	some p in findings("google_organization_iam_policy.org", {"policy_data": policy_doc}, [])
	p.aliases == []
}
