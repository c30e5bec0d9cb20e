# METADATA
# title: EMR cluster runs without a security configuration
# description: >-
#   An EMR cluster encrypts its EBS volumes, local disks, S3 output and the
#   traffic between its nodes only as a security configuration tells it to.
#   A cluster that names none processes training data with none of that.
# custom:
#   id: PG-AWS-EMR-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_emr_cluster]
#   aliases: [CKV2_AWS_55]
#   remediation: >-
#     Create an `aws_emr_security_configuration` that turns on at-rest and
#     in-transit encryption, and set `security_configuration` to its name.
package planguard.encryption.aws.emr_cluster_security_configuration

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_emr_cluster
	not lib.is_unknown(r, ["security_configuration"])
	not lib.refers_to(r, "security_configuration")
	not named(object.get(r.after, "security_configuration", null))
	finding := {
		"msg": sprintf("EMR cluster %s names no security configuration.", [r.address]),
		"resource": r.address,
		"attribute": "security_configuration",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
