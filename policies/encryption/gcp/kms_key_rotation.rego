# METADATA
# title: Cloud KMS key is not rotated at least every 90 days
# description: >-
#   A symmetric Cloud KMS key that protects datasets, model artifacts or
#   secrets should rotate automatically so that a compromised key version
#   exposes a limited amount of data. A key without `rotation_period`, or
#   with one longer than 90 days (7776000s), is reported. Asymmetric and
#   MAC keys cannot rotate automatically and are skipped.
# custom:
#   id: PG-GCP-KMS-101
#   severity: medium
#   category: encryption
#   providers: [google]
#   resource_types: [google_kms_crypto_key]
#   aliases: [CKV_GCP_43]
#   narrower: [AVD-GCP-0065]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "1.10"
#   remediation: Set `rotation_period = "7776000s"` (90 days) or shorter.
package planguard.encryption.gcp.kms_key_rotation

import data.planguard.lib

max_seconds := 7776000

deny contains finding if {
	some r in data.planguard.resources_by_type.google_kms_crypto_key
	symmetric(r)
	not lib.pending(r, ["rotation_period"])
	not rotates_in_time(object.get(r.after, "rotation_period", null))
	finding := {
		"msg": sprintf("Cloud KMS key %s does not rotate automatically at least every 90 days.", [r.address]),
		"resource": r.address,
		"attribute": "rotation_period",
		"aliases": trivy_ids(r),
	}
}

# Trivy's AVD-GCP-0065 passes a key without rotation_period and fails one
# whose whole number of seconds is over 90 days; it sees only keys whose
# key_ring refers to a key ring block.
trivy_ids(r) := ["AVD-GCP-0065"] if {
	lib.refers_to(r, "key_ring")
	p := r.after.rotation_period
	is_string(p)
	endswith(p, "s")
	regex.match(`^-?[0-9]+$`, trim_suffix(p, "s"))
	to_number(trim_suffix(p, "s")) > max_seconds
} else := []

symmetric(r) if object.get(r.after, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"

symmetric(r) if object.get(r.after, "purpose", null) == null

rotates_in_time(p) if {
	is_string(p)
	endswith(p, "s")
	seconds := to_number(trim_suffix(p, "s"))
	seconds > 0
	seconds <= max_seconds
}
