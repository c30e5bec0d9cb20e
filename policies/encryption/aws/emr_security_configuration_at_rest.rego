# METADATA
# title: EMR security configuration turns off at-rest encryption
# description: >-
#   A security configuration with `"EnableAtRestEncryption": false` leaves EBS volumes, local disks and the EMRFS data it writes to S3 unencrypted
#   on every cluster that uses it.
# custom:
#   id: PG-AWS-EMR-102
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_emr_security_configuration]
#   aliases: [AVD-AWS-0137]
#   remediation: >-
#     Set `"EnableAtRestEncryption": true` in the configuration's EncryptionConfiguration
#     and describe the keys or certificates to use.
package planguard.encryption.aws.emr_security_configuration_at_rest

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_emr_security_configuration
	not lib.is_unknown(r, ["configuration"])
	doc := json.unmarshal(r.after.configuration)
	doc.EncryptionConfiguration.EnableAtRestEncryption == false
	finding := {
		"msg": sprintf("EMR security configuration %s sets EnableAtRestEncryption to false.", [r.address]),
		"resource": r.address,
		"attribute": "configuration",
	}
}
