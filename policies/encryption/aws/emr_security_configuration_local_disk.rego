# METADATA
# title: EMR security configuration does not encrypt the nodes' local disks
# description: >-
#   HDFS blocks, shuffle data and spilled training data land on the instance
#   store and EBS volumes of an EMR cluster's nodes. A security configuration
#   that turns at-rest encryption on but has no LocalDiskEncryptionConfiguration
#   encrypts only what EMRFS writes to S3, and one whose
#   EncryptionKeyProviderType is empty names no key for the disks.
#   (At-rest encryption turned off altogether is PG-AWS-EMR-102.)
# custom:
#   id: PG-AWS-EMR-105
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_emr_security_configuration]
#   aliases: []
#   narrower: [AVD-AWS-0139]
#   remediation: >-
#     Add `"LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType":
#     "AwsKms", "AwsKmsKey": "<key ARN>"}` (or "Custom" with your key provider)
#     to the configuration's AtRestEncryptionConfiguration.
package planguard.encryption.aws.emr_security_configuration_local_disk

import data.planguard.lib

# Trivy's AVD-AWS-0139 fails exactly this case: a block with an empty key provider.
deny contains finding if {
	some c in configurations
	local_disk(c.doc).EncryptionKeyProviderType == ""
	finding := object.union(unencrypted_disks(c.r, "names no key provider for local-disk encryption"), {"aliases": ["AVD-AWS-0139"]})
}

# At-rest encryption on, and nothing said about local disks.
deny contains finding if {
	some c in configurations
	c.doc.EncryptionConfiguration.EnableAtRestEncryption == true
	not local_disk(c.doc)
	finding := unencrypted_disks(c.r, "turns at-rest encryption on without encrypting local disks")
}

# Each security configuration whose document is known, with the document parsed.
configurations contains {"r": r, "doc": json.unmarshal(r.after.configuration)} if {
	some r in data.planguard.resources_by_type.aws_emr_security_configuration
	not lib.is_unknown(r, ["configuration"])
	json.is_valid(r.after.configuration)
}

# The document's LocalDiskEncryptionConfiguration; undefined when it has none.
local_disk(doc) := block if {
	block := doc.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration
	block != null
}

unencrypted_disks(r, what) := {
	"msg": sprintf("EMR security configuration %s %s.", [r.address, what]),
	"resource": r.address,
	"attribute": "configuration",
}
