package planguard.encryption.gcp.disk_raw_key_test

import data.planguard.encryption.gcp.disk_raw_key as policy
import data.planguard.lib.test as t

disk := "google_compute_disk.scratch"

vm := "google_compute_instance.trainer"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

# Sensitive values reach rules redacted: the key is set, its value is never seen.
redacted := "(sensitive value)"

test_raw_disk_key_is_denied if {
	t.assert_denied(findings(disk, {"disk_encryption_key": [{"raw_key": redacted}]}, []), disk, "disk_encryption_key.0.raw_key")
	t.assert_denied(findings(vm, {"boot_disk": [{"disk_encryption_key_raw": redacted}]}, []), vm, "boot_disk.0.disk_encryption_key_raw")
	t.assert_denied(findings(vm, {"attached_disk": [{"source": "d"}, {"disk_encryption_key_raw": redacted}]}, []), vm, "attached_disk.1.disk_encryption_key_raw")
}

test_message_never_carries_the_key if {
	some f in findings(disk, {"disk_encryption_key": [{"raw_key": "c2VjcmV0LWtleS1tYXRlcmlhbA=="}]}, [])
	not contains(f.msg, "c2VjcmV0")
}

test_kms_and_wrapped_keys_pass if {
	t.assert_passes(findings(disk, {"disk_encryption_key": [{"kms_key_self_link": "k", "raw_key": null}]}, []), disk)
	t.assert_passes(findings(disk, {"disk_encryption_key": [{"rsa_encrypted_key": redacted}]}, []), disk)
	t.assert_passes(findings(vm, {"boot_disk": [{"kms_key_self_link": "k", "disk_encryption_key_raw": ""}]}, []), vm)
}

test_key_known_after_apply_is_not_judged if {
	t.assert_passes(findings(disk, {"disk_encryption_key": [{}]}, ["disk_encryption_key.0.raw_key"]), disk)
}

test_disk_without_key_block_passes if {
	t.assert_passes(findings(disk, {"size": 100}, []), disk)
}
