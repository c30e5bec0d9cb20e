package planguard.encryption.gcp.instance_boot_disk_cmek_test

import data.planguard.encryption.gcp.instance_boot_disk_cmek as policy

vm(after, unknown) := {"google_compute_instance": [{
	"address": "google_compute_instance.trainer",
	"config_address": "google_compute_instance.trainer",
	"type": "google_compute_instance",
	"after": after,
	"unknown_paths": unknown,
}]}

test_google_managed_boot_disk_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as vm({"boot_disk": [{"kms_key_self_link": "", "initialize_params": [{}]}]}, [])
	some f in findings
	f.attribute == "boot_disk.0.kms_key_self_link"
}

test_kms_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm({"boot_disk": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}, [])
}

# Trivy's AVD-GCP-0033 also fails a boot disk with a customer-supplied key: the customer holds it.
test_supplied_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm({"boot_disk": [{"disk_encryption_key_raw": "(sensitive value)"}]}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm({"boot_disk": [{}]}, ["boot_disk.0.kms_key_self_link"])
}
