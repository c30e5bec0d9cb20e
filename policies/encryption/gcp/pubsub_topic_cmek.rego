# METADATA
# title: Pub/Sub topic is not encrypted with a customer-managed key
# description: >-
#   Topics carry feature events, inference requests and pipeline triggers.
#   Without `kms_key_name` messages at rest are encrypted with
#   Google-managed keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-PUBSUB-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_pubsub_topic]
#   aliases: [CKV_GCP_83]
#   remediation: >-
#     Set `kms_key_name` to a Cloud KMS key in the topic's region and grant
#     the Pub/Sub service agent encrypter/decrypter on it.
package planguard.encryption.gcp.pubsub_topic_cmek

import data.planguard.lib

types := ["google_pubsub_topic"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.non_empty(object.get(r.after, "kms_key_name", null))
	not lib.pending(r, ["kms_key_name"])
	finding := {
		"msg": sprintf("Pub/Sub topic %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_name",
	}
}
