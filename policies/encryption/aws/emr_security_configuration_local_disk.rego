# METADATA
# title: EMR security configuration names no key provider for local-disk encryption
# description: >-
#   A LocalDiskEncryptionConfiguration whose EncryptionKeyProviderType is
#   empty describes no key for the instance store and EBS volumes of the
#   cluster's nodes, where HDFS blocks, shuffle data and spilled training
#   data land. (A document without the block at all is not judged here.)
# custom:
#   id: PG-AWS-EMR-105
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_emr_security_configuration]
#   aliases: [AVD-AWS-0139]
#   remediation: >-
#     Set the configuration's `LocalDiskEncryptionConfiguration` to
#     `{"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": "<key ARN>"}`
#     (or "Custom" with your key provider), with `"EnableAtRestEncryption": true`.
package planguard.encryption.aws.emr_security_configuration_local_disk

import data.planguard.lib

provider_path := ["EncryptionConfiguration", "AtRestEncryptionConfiguration", "LocalDiskEncryptionConfiguration", "EncryptionKeyProviderType"]

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_emr_security_configuration
	not lib.is_unknown(r, ["configuration"])
	json.is_valid(r.after.configuration)
	doc := json.unmarshal(r.after.configuration)
	object.get(doc, provider_path, null) == ""
	finding := {
		"msg": sprintf("EMR security configuration %s names no key provider for local-disk encryption.", [r.address]),
		"resource": r.address,
		"attribute": "configuration",
	}
}
