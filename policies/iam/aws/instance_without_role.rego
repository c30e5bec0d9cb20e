# METADATA
# title: EC2 instance has no IAM instance profile
# description: >-
#   An instance without an instance profile has no role credentials, so the
#   code on it that calls AWS (downloading datasets, pushing checkpoints)
#   gets long-lived access keys some other way: in user data, environment
#   variables or files on disk, where they leak and are never rotated.
# custom:
#   id: PG-AWS-EC2-107
#   severity: low
#   category: iam
#   providers: [aws]
#   resource_types: [aws_instance]
#   aliases: [CKV2_AWS_41]
#   remediation: >-
#     Create an `aws_iam_instance_profile` for a role with the permissions the
#     workload needs and set `iam_instance_profile` on the instance.
package planguard.iam.aws.instance_without_role

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_instance
	not lib.is_unknown(r, ["iam_instance_profile"])
	not lib.refers_to(r, "iam_instance_profile")
	object.get(r.after, "iam_instance_profile", null) in {null, ""}
	finding := {
		"msg": sprintf("EC2 instance %s has no IAM instance profile.", [r.address]),
		"resource": r.address,
		"attribute": "iam_instance_profile",
	}
}
