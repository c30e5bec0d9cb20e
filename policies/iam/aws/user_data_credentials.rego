# METADATA
# title: Instance user data holds credentials
# description: >-
#   User data is readable by anyone on the instance (curl
#   169.254.169.254/latest/user-data, no IMDS role needed beyond network
#   access), by anyone allowed ec2:DescribeInstanceAttribute or
#   ec2:DescribeLaunchTemplateVersions, and it stays in Terraform's state. An
#   access key, private key or API token written into it is as good as
#   published. Instances get AWS credentials from their instance profile and
#   other secrets from Secrets Manager or SSM at boot. The rule finds
#   credentials by shape (access keys, private keys, vendors' prefixed
#   tokens, URLs with a password) and literal values assigned to names that
#   say credential (DB_PASSWORD=..., api_key: ..., a 40-character key after
#   aws_secret_access_key), never a value fetched at boot ($(aws ssm ...),
#   ${...}) or one that only names a secret. It reads
#   user_data and user_data_base64 of instances, launch templates (base64)
#   and launch configurations, decoded when base64, in the planned values
#   and in the configuration's literal (AWS providers before 6.0 plan an
#   instance's and a launch configuration's user_data as a SHA-1 hash, so
#   only a literal written in the configuration can be read there). User
#   data that Terraform marks sensitive (a sensitive variable went into it)
#   is reported as such: the instance and its readers see it in clear. The
#   finding names the kind of credential, never the value.
# custom:
#   id: PG-AWS-EC2-108
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   aliases: []
#   narrower: [CKV_AWS_46, AVD-AWS-0029, AVD-AWS-0129, AVD-AWS-0122]
#   remediation: >-
#     Remove the credential from the user data and rotate it. Give the
#     instance an IAM instance profile for AWS access, and fetch other secrets
#     at boot from Secrets Manager or SSM Parameter Store (SecureString).
package planguard.iam.aws.user_data_credentials

import data.planguard.lib.secret_scanners as scanners
import data.planguard.lib.secrets

# The user data attributes of each resource type.
attributes := {
	"aws_instance": ["user_data", "user_data_base64"],
	"aws_launch_template": ["user_data"],
	"aws_launch_configuration": ["user_data", "user_data_base64"],
}

deny contains finding if {
	some type, names in attributes
	some r in data.planguard.resources_by_type[type]
	some attribute in names
	vals := values(r, attribute)
	found := {kind |
		some value in vals
		some text in secrets.texts(value)
		some kind in secrets.text_kinds(text)
	} | {secrets.sensitive_kind | secrets.redacted in vals}
	count(found) > 0
	finding := {
		"msg": sprintf("%s's %s holds %s: anyone who can read the instance's user data or the state can use it.", [r.address, attribute, concat(" and ", sort(found))]),
		"resource": r.address,
		"attribute": attribute,
		"aliases": sort([id | some tool, id in other_checks[type][attribute]; fails(tool, vals)]),
	}
}

# The other tools' checks on each attribute: Checkov's CKV_AWS_46 reads an
# instance's user_data as written; Trivy reads user_data, or else
# user_data_base64 decoded, and a launch template's user_data decoded.
other_checks := {
	"aws_instance": {
		"user_data": {"checkov": "CKV_AWS_46", "trivy": "AVD-AWS-0029"},
		"user_data_base64": {"trivy": "AVD-AWS-0029"},
	},
	"aws_launch_template": {"user_data": {"trivy": "AVD-AWS-0129"}},
	"aws_launch_configuration": {
		"user_data": {"trivy": "AVD-AWS-0122"},
		"user_data_base64": {"trivy": "AVD-AWS-0122"},
	},
}

# Whether the tool's check fails the same user data (a finding names the
# check only then).
fails("checkov", vals) if {
	some value in vals
	scanners.checkov_aws(value)
}

fails("trivy", vals) if {
	some value in vals
	some text in secrets.texts(value)
	scanners.squealer(text)
}

# The planned value, and the literal the configuration writes (a value known
# only after apply is not in `after`; a redacted one reads "(sensitive value)").
values(r, attribute) := {v |
	some v in [
		object.get(r.after, attribute, null),
		object.get(object.get(object.get(r, "expressions", {}), attribute, {}), "constant_value", null),
	]
	is_string(v)
}
