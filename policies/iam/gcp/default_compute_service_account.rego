# METADATA
# title: VM runs as the Compute Engine default service account
# description: >-
#   The default compute service account (PROJECT_NUMBER-compute@developer.gserviceaccount.com)
#   often holds the Editor role on the project. A VM running as it, above all
#   with the `cloud-platform` scope, lets anyone who gets code execution on a
#   training or notebook VM act on the whole project. Reported as high with
#   the cloud-platform scope. A `service_account` block that leaves `email`
#   out runs as the default account too; a VM without the block has no
#   service account (and no credentials) at all.
# custom:
#   id: PG-GCP-IAM-103
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   aliases: []
#   narrower: [AVD-GCP-0044, CKV_GCP_30, CKV_GCP_31]
#   defaults:
#     - google_compute_instance service_account.email
#     - google_compute_instance_template service_account.email
#     - google_compute_region_instance_template service_account.email
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.1"
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.2"
#   remediation: >-
#     Create a dedicated service account with only the roles the workload
#     needs and set `service_account { email = google_service_account.<name>.email }`.
package planguard.iam.gcp.default_compute_service_account

import data.planguard.lib

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some i, sa in object.get(r.after, "service_account", [])
	email := lib.effective(r, ["service_account", i, "email"])
	default_account(email)
	finding := {
		"msg": sprintf("VM %s runs as the Compute Engine default service account%s.", [r.address, scope_note(r, i, sa)]),
		"resource": r.address,
		"attribute": sprintf("service_account.%v.email", [i]),
		"severity": severity(r, i, sa),
		"aliases": array.concat(trivy_default_ids(r, sa), checkov_ids(r, i, sa)),
	}
}

# Trivy's AVD-GCP-0044 judges VMs (not templates) whose account ends in
# -compute@developer.gserviceaccount.com ("default" is not its default).
trivy_default_ids(r, sa) := ["AVD-GCP-0044"] if {
	r.type == "google_compute_instance"
	endswith(sa.email, "-compute@developer.gserviceaccount.com")
} else := []

# Checkov's CKV_GCP_30 fails a VM (not a template, not one named gke-*) whose
# service_account block leaves email out or names PROJECT_NUMBER-compute@
# ("default" written out passes it); CKV_GCP_31 (below) adds the scope.
checkov_ids(r, i, sa) := array.concat(checkov_default_ids(r, i, sa), checkov_full_access_ids(r, sa))

checkov_default_ids(r, i, sa) := ["CKV_GCP_30"] if {
	r.type == "google_compute_instance"
	not startswith(object.get(r.after, "name", ""), "gke-")
	checkov_default_email(r, i, sa)
} else := []

checkov_default_email(r, i, _) if lib.provider_default(r, ["service_account", i, "email"])

checkov_default_email(_, _, sa) if regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com`, sa.email)

# Checkov's CKV_GCP_31 fails a VM (not a template, not one named gke-*) whose
# account is PROJECT_NUMBER-compute@ with the cloud-platform scope written as
# its URL (the provider plans every scope as its URL).
checkov_full_access_ids(r, sa) := ["CKV_GCP_31"] if {
	r.type == "google_compute_instance"
	not startswith(object.get(r.after, "name", ""), "gke-")
	regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com`, sa.email)
	"https://www.googleapis.com/auth/cloud-platform" in object.get(sa, "scopes", [])
} else := []

default_account(email) if email == "default"

default_account(email) if {
	is_string(email)
	regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com$`, email)
}

full_access(r, i, sa) if {
	not lib.is_unknown(r, ["service_account", i, "scopes"])
	some s in object.get(sa, "scopes", [])
	s in full_scopes
}

severity(r, i, sa) := "high" if full_access(r, i, sa)

else := "medium"

scope_note(r, i, sa) := " with access to all Cloud APIs" if full_access(r, i, sa)

else := ""
