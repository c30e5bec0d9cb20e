# METADATA
# title: Instance metadata service accepts IMDSv1 requests
# description: >-
#   With `http_tokens = "optional"`, the instance metadata service answers
#   unauthenticated IMDSv1 requests, so a server-side request forgery in a
#   notebook, model server or data tool running on the instance can read the
#   instance role's credentials. Instances and templates that leave
#   `http_tokens` unset follow the AMI and account defaults and are not
#   reported.
# custom:
#   id: PG-AWS-EC2-103
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   aliases: [CKV_AWS_79, AVD-AWS-0028, AVD-AWS-0130]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "5.6"
#   remediation: Set `metadata_options { http_tokens = "required" }` (and `http_put_response_hop_limit = 2` for containers that need IMDS).
package planguard.network.aws.instance_metadata_v1

import data.planguard.lib

deny contains finding if {
	some t in ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
	some r in data.planguard.resources_by_type[t]
	some i, m in object.get(r.after, "metadata_options", [])
	m.http_tokens == "optional"
	object.get(m, "http_endpoint", "enabled") != "disabled"
	not lib.is_unknown(r, ["metadata_options", i, "http_endpoint"])
	not lib.is_unknown(r, ["metadata_options", i, "http_tokens"])
	finding := {
		"msg": sprintf("%s lets the instance metadata service answer IMDSv1 requests without a session token.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("metadata_options.%v.http_tokens", [i]),
	}
}
