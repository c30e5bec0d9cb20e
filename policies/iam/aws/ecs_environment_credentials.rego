# METADATA
# title: ECS container definition's environment holds credentials
# description: >-
#   A task definition's `environment` values are plain text: anyone allowed
#   ecs:DescribeTaskDefinition reads them, they show in the console, and
#   they stay in Terraform's state. An access key, private key or API token
#   belongs in `secrets` (valueFrom a Secrets Manager secret or SSM
#   parameter), which ECS injects at start; AWS access comes from the task
#   role. A credential is told by its shape (access keys, private keys,
#   vendors' prefixed tokens, a URL with a password) or by the variable's
#   name (DB_PASSWORD, API_KEY, CLIENT_SECRET, GITHUB_TOKEN ...) when the
#   value is a literal rather than a pointer to the secret (an ARN, an SSM or
#   Secrets Manager name, a URL, a boolean, a placeholder). Definitions that
#   Terraform marks sensitive are reported as such. The finding names the
#   container, the variable and the kind of credential, never the value.
# custom:
#   id: PG-AWS-ECS-103
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_ecs_task_definition]
#   aliases: []
#   narrower: [AVD-AWS-0036]
#   remediation: >-
#     Move the value to Secrets Manager or SSM Parameter Store and reference it
#     from the container's `secrets` (`{ name, valueFrom }`); rotate the
#     exposed credential; use the task role for AWS access.
package planguard.iam.aws.ecs_environment_credentials

import data.planguard.lib
import data.planguard.lib.secret_scanners as scanners
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
	found := secrets.variable_kinds(sprintf("%v", [name]), value)
	count(found) > 0
	finding := {
		"msg": sprintf("Task definition %s: container %v's environment variable %v holds %s.", [r.address, object.get(container, "name", "?"), name, concat(" and ", sort(found))]),
		"resource": r.address,
		"attribute": "container_definitions",
		"aliases": trivy_ids(name, value),
	}
}

# Trivy's AVD-AWS-0036 fails a variable by its name alone, or by squealer's
# scan of its value.
trivy_ids(name, value) := ["AVD-AWS-0036"] if {
	scanners.trivy_sensitive_name(name)
} else := ["AVD-AWS-0036"] if {
	scanners.squealer(value)
} else := []

# Definitions that Terraform marks sensitive (a sensitive variable went into
# jsonencode): the task definition holds it in clear all the same.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ecs_task_definition
	object.get(r.after, "container_definitions", null) == secrets.redacted
	finding := {
		"msg": sprintf("Task definition %s's container definitions hold %s: pass secrets through `secrets` (valueFrom) instead.", [r.address, secrets.sensitive_kind]),
		"resource": r.address,
		"attribute": "container_definitions",
		"aliases": [],
	}
}

as_list(x) := x if is_array(x)

as_list(x) := [] if not is_array(x)
