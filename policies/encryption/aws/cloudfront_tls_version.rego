# METADATA
# title: CloudFront distribution accepts TLS versions older than 1.2
# description: >-
#   A viewer certificate whose `minimum_protocol_version` is SSLv3, TLSv1,
#   TLSv1_2016 or TLSv1.1_2016 lets clients negotiate deprecated protocols.
#   Distributions on the default *.cloudfront.net certificate cannot choose
#   and are not reported.
# custom:
#   id: PG-AWS-CLOUDFRONT-102
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_cloudfront_distribution]
#   aliases: [CKV_AWS_174, AVD-AWS-0013]
#   remediation: Set `viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" }` (or later).
package planguard.encryption.aws.cloudfront_tls_version

import data.planguard.lib

outdated := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_cloudfront_distribution
	some i, cert in object.get(r.after, "viewer_certificate", [])
	not object.get(cert, "cloudfront_default_certificate", false) == true
	not lib.is_unknown(r, ["viewer_certificate", i, "minimum_protocol_version"])
	object.get(cert, "minimum_protocol_version", "") in outdated
	finding := {
		"msg": sprintf("CloudFront distribution %s accepts TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("viewer_certificate.%v.minimum_protocol_version", [i]),
	}
}
