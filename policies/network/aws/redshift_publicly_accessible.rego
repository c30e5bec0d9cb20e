# METADATA
# title: Redshift cluster or workgroup is publicly accessible
# description: >-
#   A publicly accessible Redshift cluster or Serverless workgroup gets an
#   internet-resolvable endpoint; the warehouse with the training data is then
#   one leaked password or one loose security group away from the internet.
#   Checkov's CKV_AWS_87 is named on provisioned clusters' findings, and
#   CKV_AWS_391 on those of clusters whose master user is awsuser, admin or
#   administrator.
# custom:
#   id: PG-AWS-REDSHIFT-102
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_redshift_cluster, aws_redshiftserverless_workgroup]
#   aliases: []
#   narrower: [CKV_AWS_87, CKV_AWS_391]
#   remediation: Set `publicly_accessible = false` and connect through the VPC, a VPN or a bastion.
package planguard.network.aws.redshift_publicly_accessible

import data.planguard.lib

deny contains finding if {
	some t in ["aws_redshift_cluster", "aws_redshiftserverless_workgroup"]
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["publicly_accessible"])
	lib.is_true(r, ["publicly_accessible"])
	finding := {
		"msg": sprintf("Redshift %s is publicly accessible from the internet.", [r.address]),
		"resource": r.address,
		"attribute": "publicly_accessible",
		"aliases": checkov_ids(t, r),
	}
}

# Checkov's CKV_AWS_87 judges provisioned clusters only (publicly_accessible
# true fails), not Serverless workgroups; CKV_AWS_391 those of them whose
# master_username is a common one. CKV_AWS_391 also fails such a cluster that
# leaves publicly_accessible out (public by default before provider 5.0): the
# plan shows the value the provider applies, false since 5.0, and a cluster
# shown private passes here on purpose (docs/coverage/aws-data.json says so
# as `differs`).
checkov_ids(t, r) := array.concat(["CKV_AWS_87"], common_username_ids(r)) if t == "aws_redshift_cluster"

checkov_ids(t, _) := [] if t != "aws_redshift_cluster"

common_username_ids(r) := ["CKV_AWS_391"] if {
	object.get(r.after, "master_username", null) in {"awsuser", "administrator", "admin"}
} else := []
