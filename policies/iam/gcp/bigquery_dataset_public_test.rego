package planguard.iam.gcp.bigquery_dataset_public_test

import data.planguard.iam.gcp.bigquery_dataset_public as policy
import data.planguard.lib.test as t

ds := "google_bigquery_dataset.features"

grant := "google_bigquery_dataset_access.reader"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_public_access_entries_are_denied if {
	t.assert_denied(findings(ds, {"access": [{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}]}, []), ds, "access.1.special_group")
	t.assert_denied(findings(ds, {"access": [{"role": "READER", "iam_member": "allUsers"}]}, []), ds, "access.0.iam_member")
	t.assert_denied(findings(grant, {"role": "READER", "special_group": "allUsers"}, []), grant, "special_group")
}

test_private_entries_pass if {
	t.assert_passes(findings(ds, {"access": [{"role": "READER", "special_group": "projectReaders"}, {"role": "WRITER", "group_by_email": "ml@example.com"}]}, []), ds)
	t.assert_passes(findings(grant, {"role": "READER", "user_by_email": "a@example.com"}, []), grant)
	t.assert_passes(findings(ds, {"friendly_name": "features"}, []), ds)
}

test_member_known_after_apply_is_not_judged if {
	t.assert_passes(findings(ds, {"access": [{"role": "READER"}]}, ["access.0.iam_member"]), ds)
	t.assert_passes(findings(grant, {"role": "READER"}, ["special_group"]), grant)
}

# Trivy's AVD-GCP-0046: a dataset's access block with special_group allAuthenticatedUsers, nothing else.
test_trivy_id_only_on_all_authenticated_users_blocks if {
	found := findings(ds, {"access": [{"role": "READER", "special_group": "allAuthenticatedUsers"}, {"role": "READER", "special_group": "allUsers"}, {"role": "READER", "iam_member": "allAuthenticatedUsers"}]}, [])
	t.assert_count(found, 3)
	{[f.attribute, f.aliases] | some f in found} == {["access.0.special_group", ["AVD-GCP-0046", "CKV_GCP_15"]], ["access.1.special_group", ["CKV_GCP_15"]], ["access.2.iam_member", ["CKV_GCP_15"]]}
	some g in findings(grant, {"role": "READER", "special_group": "allAuthenticatedUsers"}, [])
	not g.aliases
}

# Checkov's CKV_GCP_15 also fails entries that name no user, group, domain or view
# (authorized datasets and routines, iam_member entries for named principals):
# none of them is public, and they pass here.
test_authorized_datasets_and_named_members_pass if {
	t.assert_passes(findings(ds, {"access": [
		{"role": "READER", "dataset": [{"dataset": [{"project_id": "p", "dataset_id": "raw"}], "target_types": ["VIEWS"]}]},
		{"routine": [{"project_id": "p", "dataset_id": "udf", "routine_id": "clean"}]},
		{"role": "READER", "iam_member": "principal://iam.googleapis.com/locations/global/workforcePools/p/subject/a"},
	]}, []), ds)
}
