package planguard.encryption.gcp.compute_disk_cmek_test

import data.planguard.encryption.gcp.compute_disk_cmek as policy

disk(type, after, unknown) := {type: [{
	"address": sprintf("%s.scratch", [type]),
	"config_address": sprintf("%s.scratch", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_disk_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as disk("google_compute_disk", {"size": 500, "disk_encryption_key": []}, [])
	some f in findings
	f.attribute == "disk_encryption_key"
}

test_regional_disk_without_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as disk("google_compute_region_disk", {"disk_encryption_key": []}, [])
}

test_kms_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk("google_compute_disk", {"disk_encryption_key": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}, [])
}

# Trivy's AVD-GCP-0034 (and AVD-GCP-0033 for attached disks) also fail customer-supplied
# keys: the customer holds those keys, as with Cloud KMS.
test_supplied_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk("google_compute_disk", {"disk_encryption_key": [{"raw_key": "(sensitive value)"}]}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk("google_compute_disk", {"disk_encryption_key": [{}]}, ["disk_encryption_key.0.kms_key_self_link", "disk_encryption_key.0.sha256"])
}

test_only_computed_hash_unknown_is_still_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as disk("google_compute_disk", {"disk_encryption_key": []}, ["id"])
}

# Trivy's AVD-GCP-0034 is named on zonal disks, AVD-GCP-0033 on disks a VM of the plan attaches.
test_trivy_ids_on_zonal_and_attached_disks if {
	some zonal in policy.deny with data.planguard.resources_by_type as disk("google_compute_disk", {"disk_encryption_key": []}, [])
	zonal.aliases == ["AVD-GCP-0034"]
	some regional in policy.deny with data.planguard.resources_by_type as disk("google_compute_region_disk", {"disk_encryption_key": []}, [])
	regional.aliases == []
	attached := {"google_compute_disk.scratch": [{"from": "google_compute_instance.trainer", "from_type": "google_compute_instance", "attribute": "attached_disk.source"}]}
	some both in policy.deny with data.planguard.resources_by_type as disk("google_compute_disk", {"disk_encryption_key": []}, [])
		with data.planguard.referrers as attached
	both.aliases == ["AVD-GCP-0033", "AVD-GCP-0034"]
}
