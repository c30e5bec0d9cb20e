# METADATA
# title: ECS container definition's environment holds credentials
# description: >-
#   A task definition's `environment` values are plain text: anyone allowed
#   ecs:DescribeTaskDefinition reads them, they show in the console, and
#   they stay in Terraform's state. An access key, private key or API token
#   belongs in `secrets` (valueFrom a Secrets Manager secret or SSM
#   parameter), which ECS injects at start; AWS access comes from the task
#   role. The finding names the container, the variable and the kind of
#   credential, never the value.
# custom:
#   id: PG-AWS-ECS-103
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_ecs_task_definition]
#   aliases: []
#   related: [AVD-AWS-0036]
#   remediation: >-
#     Move the value to Secrets Manager or SSM Parameter Store and reference it
#     from the container's `secrets` (`{ name, valueFrom }`); rotate the
#     exposed credential; use the task role for AWS access.
package planguard.iam.aws.ecs_environment_credentials

import data.planguard.lib
import data.planguard.lib.secrets

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ecs_task_definition
	not lib.is_unknown(r, ["container_definitions"])
	text := object.get(r.after, "container_definitions", null)
	is_string(text)
	json.is_valid(text)
	some container in as_list(json.unmarshal(text))
	some variable in object.get(container, "environment", [])
	name := object.get(variable, "name", "")
	value := object.get(variable, "value", null)
	is_string(value)
	# Read with its name, which tells a secret access key from other tokens.
	found := secrets.kinds(concat("=", [sprintf("%v", [name]), value]))
	count(found) > 0
	finding := {
		"msg": sprintf("Task definition %s: container %v's environment variable %v holds %s.", [r.address, object.get(container, "name", "?"), name, concat(" and ", sort(found))]),
		"resource": r.address,
		"attribute": "container_definitions",
	}
}

as_list(x) := x if is_array(x)

as_list(x) := [] if not is_array(x)
