# METADATA
# title: VM accepts project-wide SSH keys
# description: >-
#   Without `block-project-ssh-keys = "TRUE"` in its metadata a VM (or every
#   VM made from an instance template) accepts the SSH keys kept in the
#   project's metadata, so one leaked project key opens every such VM, GPU
#   training hosts included. Left out, Compute Engine accepts project-wide
#   keys. OS Login users are not affected by the setting.
# custom:
#   id: PG-GCP-COMPUTE-108
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   aliases: []
#   narrower: [AVD-GCP-0030, CKV_GCP_32]
#   defaults:
#     - google_compute_instance metadata.block-project-ssh-keys
#     - google_compute_instance_template metadata.block-project-ssh-keys
#     - google_compute_region_instance_template metadata.block-project-ssh-keys
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.3"
#   remediation: >-
#     Add `block-project-ssh-keys = "TRUE"` to the instance's (or template's)
#     `metadata`, and give access with OS Login or instance-level keys.
package planguard.iam.gcp.instance_project_ssh_keys

import data.planguard.lib

path := ["metadata", "block-project-ssh-keys"]

# What each resource type is called in a finding.
noun := {
	"google_compute_instance": "VM",
	"google_compute_instance_template": "Instance template",
	"google_compute_region_instance_template": "Regional instance template",
}

# The other tools' checks that judge each type: Trivy's AVD-GCP-0030 judges
# VMs only, Checkov's CKV_GCP_32 VMs and global instance templates.
narrower_ids := {
	"google_compute_instance": ["AVD-GCP-0030", "CKV_GCP_32"],
	"google_compute_instance_template": ["CKV_GCP_32"],
	"google_compute_region_instance_template": [],
}

deny contains finding if {
	some type, kind in noun
	some r in data.planguard.resources_by_type[type]
	# A metadata map still to come may hold the key: not judged.
	not lib.pending(r, path)
	not lib.bool_text(lib.effective(r, path)) == true
	finding := {
		"msg": sprintf("%s %s accepts the project's SSH keys: its metadata does not set block-project-ssh-keys to TRUE.", [kind, r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
		"aliases": narrower_ids[type],
	}
}
