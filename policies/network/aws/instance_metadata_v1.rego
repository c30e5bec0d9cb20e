# METADATA
# title: Instance metadata service accepts IMDSv1 requests
# description: >-
#   With `http_tokens = "optional"`, the instance metadata service answers
#   unauthenticated IMDSv1 requests, so a server-side request forgery in a
#   notebook, model server or data tool running on the instance can read the
#   instance role's credentials. Instances and templates that leave
#   `http_tokens` unset follow the AMI and account defaults and are not
#   reported.
#   Checkov's and Trivy's checks are named on the findings of the resource
#   types they judge.
# custom:
#   id: PG-AWS-EC2-103
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   aliases: []
#   narrower: [CKV_AWS_79, AVD-AWS-0028, AVD-AWS-0130]
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
		"aliases": check_ids(r),
	}
}

# Each narrower check judges some of the three types, read from their code:
# Checkov's CKV_AWS_79 instances and launch templates, Trivy's AVD-AWS-0130
# launch templates and launch configurations, and AVD-AWS-0028 instances;
# but Trivy judges an instance launched from a template of the
# configuration by that template's options instead of the instance's own.
check_ids(r) := ["AVD-AWS-0028", "CKV_AWS_79"] if {
	r.type == "aws_instance"
	not from_template_block(r)
} else := ["CKV_AWS_79"] if {
	r.type == "aws_instance"
} else := ["AVD-AWS-0130", "CKV_AWS_79"] if {
	r.type == "aws_launch_template"
} else := ["AVD-AWS-0130"]

from_template_block(r) if {
	some ref in object.get(data.planguard.references, r.config_address, [])
	startswith(ref.attribute, "launch_template")
	regex.match(`(^|\.)aws_launch_template\.[^.]+$`, ref.to)
}
