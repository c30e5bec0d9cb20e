# METADATA
# title: IAM role granted directly to a user account
# description: >-
#   A role bound to `user:someone@example.com` stays with that person until
#   someone finds and deletes the grant; access to training data, models and
#   the project is then reviewed and revoked person by person. Grant roles to
#   groups (or to service accounts for workloads) and manage people through
#   group membership. Judged on project, folder and organization grants
#   (members, bindings and policies) and on the resource-level member and
#   binding resources of Cloud Storage, Pub/Sub, Cloud Run, Compute Engine
#   instances and subnetworks, Data Catalog, Source Repositories and Spanner.
# custom:
#   id: PG-GCP-IAM-107
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy, google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_pubsub_topic_iam_member, google_pubsub_topic_iam_binding, google_pubsub_subscription_iam_member, google_pubsub_subscription_iam_binding, google_cloud_run_service_iam_member, google_cloud_run_service_iam_binding, google_compute_instance_iam_member, google_compute_instance_iam_binding, google_compute_subnetwork_iam_member, google_compute_subnetwork_iam_binding, google_data_catalog_entry_group_iam_member, google_data_catalog_entry_group_iam_binding, google_sourcerepo_repository_iam_member, google_sourcerepo_repository_iam_binding, google_spanner_database_iam_member, google_spanner_database_iam_binding, google_spanner_instance_iam_member, google_spanner_instance_iam_binding]
#   aliases: [AVD-GCP-0003]
#   remediation: >-
#     Grant the role to a Google group (`group:ml-researchers@example.com`)
#     and add the person to the group.
package planguard.iam.gcp.user_granted_role

import data.planguard.lib

# The resources whose grants are resource-level: one member or a members list each.
resource_level := [
	"storage_bucket", "pubsub_topic", "pubsub_subscription", "cloud_run_service",
	"compute_instance", "compute_subnetwork", "data_catalog_entry_group",
	"sourcerepo_repository", "spanner_database", "spanner_instance",
]

# Every grant in scope: {"address", "member", "attribute"}.
grants contains {"address": g.address, "member": g.member, "attribute": g.attribute} if {
	some g in lib.gcp_iam_grants(["project", "folder", "organization"])
}

grants contains {"address": r.address, "member": r.after.member, "attribute": "member"} if {
	some service in resource_level
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_member", [service])]
	not lib.pending(r, ["member"])
}

grants contains {"address": r.address, "member": member, "attribute": "members"} if {
	some service in resource_level
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_binding", [service])]
	not lib.pending(r, ["members"])
	some member in object.get(r.after, "members", [])
}

user(member) if {
	is_string(member)
	startswith(member, "user:")
}

deny contains finding if {
	some g in grants
	user(g.member)
	users := sort({u.member | some u in grants; u.address == g.address; u.attribute == g.attribute; user(u.member)})
	finding := {
		"msg": sprintf("%s grants a role directly to %s instead of to a group.", [g.address, concat(", ", users)]),
		"resource": g.address,
		"attribute": g.attribute,
	}
}
