package planguard.iam.gcp.user_granted_role_test

import data.planguard.iam.gcp.user_granted_role as policy
import data.planguard.lib.test as t

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

project_member := "google_project_iam_member.analyst"

folder_binding := "google_folder_iam_binding.readers"

org_policy := "google_organization_iam_policy.org"

bucket_member := "google_storage_bucket_iam_member.reader"

topic_binding := "google_pubsub_topic_iam_binding.publishers"

test_user_grants_are_denied if {
	t.assert_denied(findings(project_member, {"role": "roles/aiplatform.user", "member": "user:ana@example.com"}, []), project_member, "member")
	t.assert_denied(findings(folder_binding, {"role": "roles/viewer", "members": ["group:ml@example.com", "user:bo@example.com"]}, []), folder_binding, "members")
	doc := json.marshal({"bindings": [{"role": "roles/browser", "members": ["user:cy@example.com"]}]})
	t.assert_denied(findings(org_policy, {"policy_data": doc}, []), org_policy, "policy_data")
	t.assert_denied(findings(bucket_member, {"role": "roles/storage.objectViewer", "member": "user:ana@example.com"}, []), bucket_member, "member")
	t.assert_denied(findings(topic_binding, {"role": "roles/pubsub.publisher", "members": ["user:ana@example.com"]}, []), topic_binding, "members")
}

# One finding per resource, naming every user it grants to.
test_one_finding_names_every_user if {
	found := findings(folder_binding, {"role": "roles/viewer", "members": ["user:b@example.com", "user:a@example.com"]}, [])
	t.assert_count(found, 1)
	some f in found
	f.msg == "google_folder_iam_binding.readers grants a role directly to user:a@example.com, user:b@example.com instead of to a group."
}

test_groups_service_accounts_and_domains_pass if {
	t.assert_passes(findings(project_member, {"role": "roles/aiplatform.user", "member": "group:ml@example.com"}, []), project_member)
	t.assert_passes(findings(folder_binding, {"role": "roles/viewer", "members": ["serviceAccount:t@p.iam.gserviceaccount.com", "domain:example.com"]}, []), folder_binding)
	t.assert_passes(findings(bucket_member, {"role": "roles/storage.objectViewer", "member": "deleted:user:ana@example.com?uid=1"}, []), bucket_member)
}

test_members_known_after_apply_are_not_judged if {
	t.assert_passes(findings(project_member, {"role": "roles/aiplatform.user"}, ["member"]), project_member)
	t.assert_passes(findings(topic_binding, {"role": "roles/pubsub.publisher"}, ["members"]), topic_binding)
	t.assert_passes(findings(org_policy, {}, ["policy_data"]), org_policy)
}

# Resource-level policies (google_storage_bucket_iam_policy, ...) are outside the rule.
test_resource_level_policies_are_not_judged if {
	doc := json.marshal({"bindings": [{"role": "roles/storage.objectViewer", "members": ["user:cy@example.com"]}]})
	t.assert_count(findings("google_storage_bucket_iam_policy.p", {"policy_data": doc}, []), 0)
}
