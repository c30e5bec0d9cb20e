# METADATA
# title: User-managed service account key is created
# description: >-
#   A `google_service_account_key` is a long-lived credential that is
#   written to the Terraform state and usually ends up in CI variables,
#   laptops and notebooks. Leaked keys are the most common way into GCP
#   projects; workloads should use attached service accounts, Workload
#   Identity or Workload Identity Federation instead.
# custom:
#   id: PG-GCP-IAM-102
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_service_account_key]
#   aliases: []
#   narrower: [CKV2_GCP_3]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "1.4"
#   remediation: >-
#     Remove the key; attach the service account to the VM, GKE workload
#     (Workload Identity) or CI job (Workload Identity Federation), and
#     enforce the iam.disableServiceAccountKeyCreation organization policy.
package planguard.iam.gcp.service_account_key

deny contains finding if {
	some r in data.planguard.resources_by_type.google_service_account_key
	finding := {
		"msg": sprintf("%s creates a user-managed service account key, a long-lived credential stored in the Terraform state.", [r.address]),
		"resource": r.address,
		"attribute": "service_account_id",
		"aliases": checkov_ids(r),
	}
}

# Checkov's CKV2_GCP_3 fails the google_service_account a key is connected to
# in its graph (here, the key's finding names it): a key for an account
# outside the configuration fails here only.
checkov_ids(r) := ["CKV2_GCP_3"] if {
	some ref in data.planguard.references[r.config_address]
	ref.attribute == "service_account_id"
	some sa in data.planguard.resources_by_type.google_service_account
	sa.config_address == ref.to
} else := []
