# METADATA
# title: EMR security configuration turns off in-transit encryption
# description: >-
#   A security configuration with `"EnableInTransitEncryption": false` leaves the shuffle, HDFS and Spark traffic between the cluster's nodes unencrypted
#   on every cluster that uses it.
# custom:
#   id: PG-AWS-EMR-103
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_emr_security_configuration]
#   aliases: [AVD-AWS-0138]
#   remediation: >-
#     Set `"EnableInTransitEncryption": true` in the configuration's EncryptionConfiguration
#     and describe the keys or certificates to use.
package planguard.encryption.aws.emr_security_configuration_in_transit

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_emr_security_configuration
	not lib.is_unknown(r, ["configuration"])
	doc := json.unmarshal(r.after.configuration)
	doc.EncryptionConfiguration.EnableInTransitEncryption == false
	finding := {
		"msg": sprintf("EMR security configuration %s sets EnableInTransitEncryption to false.", [r.address]),
		"resource": r.address,
		"attribute": "configuration",
	}
}
