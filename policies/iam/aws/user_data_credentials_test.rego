package planguard.iam.aws.user_data_credentials_test

import data.planguard.iam.aws.user_data_credentials as policy
import data.planguard.lib.secret_scanners as scanners
import data.planguard.lib.test as t

vm := "aws_instance.trainer"

lt := "aws_launch_template.gpu"

lc := "aws_launch_configuration.workers"

# AWS's documentation example key pair (not a real credential).
script := "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws s3 sync s3://datasets /data\n"

clean := "#!/bin/bash\ngit -C /opt/train checkout 3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b\naws s3 sync s3://datasets /data\n"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_instance_user_data_with_aws_keys_is_denied if {
	found := findings(vm, {"user_data": script}, [])
	t.assert_denied(found, vm, "user_data")
	some f in found
	contains(f.msg, "an AWS access key id and an AWS secret access key")
}

# The finding names the kind of credential, never its value.
test_message_never_holds_the_secret if {
	every f in findings(vm, {"user_data": script}, []) {
		not contains(f.msg, "AKIAIOSFODNN7EXAMPLE")
		not contains(f.msg, "wJalrXUtnFEMI")
	}
}

test_base64_user_data_is_decoded if {
	t.assert_denied(findings(vm, {"user_data_base64": base64.encode(script)}, []), vm, "user_data_base64")
	t.assert_denied(findings(lt, {"user_data": base64.encode(script)}, []), lt, "user_data")
	t.assert_denied(findings(lc, {"user_data_base64": base64.encode(script)}, []), lc, "user_data_base64")
}

test_private_key_and_tokens_are_denied if {
	key := "write_files:\n- path: /root/.ssh/id_rsa\n  content: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    b3BlbnNzaC1rZXktdjEAAAAA\n"
	t.assert_denied(findings(lt, {"user_data": base64.encode(key)}, []), lt, "user_data")
	hf := "huggingface-cli login --token hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
	t.assert_denied(findings(vm, {"user_data": hf}, []), vm, "user_data")
}

# Providers before 6.0 plan user_data as a SHA-1 hash; the configuration's
# literal still shows what the instance gets.
test_hashed_user_data_is_read_from_the_configuration if {
	r := {
		"address": vm, "config_address": vm, "type": "aws_instance",
		"after": {"user_data": "7c4a8d09ca3762af61e59520943dc26494f8941b"},
		"expressions": {"user_data": {"constant_value": script}},
	}
	found := policy.deny with data.planguard.resources_by_type as {"aws_instance": [r]}
	t.assert_denied(found, vm, "user_data")
}

# A commit hash, a hex digest or an account id is no credential.
test_clean_user_data_passes if {
	t.assert_passes(findings(vm, {"user_data": clean}, []), vm)
	t.assert_passes(findings(lt, {"user_data": base64.encode(clean)}, []), lt)
	t.assert_passes(findings(lc, {"user_data": "echo ACCOUNT_ID=123456789012 >> /etc/environment"}, []), lc)
	t.assert_passes(findings(vm, {"user_data": "7c4a8d09ca3762af61e59520943dc26494f8941b"}, []), vm)
}

test_user_data_known_after_apply_is_not_judged if {
	t.assert_passes(findings(vm, {}, ["user_data"]), vm)
	t.assert_passes(findings(lt, {}, ["user_data"]), lt)
}

# User data that Terraform marks sensitive is in clear on the instance; the
# finding names no other tool's check, which would have read the value.
test_sensitive_user_data_is_denied if {
	found := findings(vm, {"user_data": "(sensitive value)"}, [])
	t.assert_denied(found, vm, "user_data")
	every f in found {
		contains(f.msg, "a value Terraform marks sensitive")
		f.aliases == []
	}
}

alias_of(found) := {f.aliases | some f in found}

# Each finding names the checks that fail the same user data: CKV_AWS_46
# on an instance's user_data with an AWS credential; Trivy's check of the
# resource type when squealer's rules match it.
test_findings_name_the_checks_that_fail_them if {
	alias_of(findings(vm, {"user_data": script}, [])) == {["AVD-AWS-0029", "CKV_AWS_46"]}
	alias_of(findings(vm, {"user_data_base64": base64.encode(script)}, [])) == {["AVD-AWS-0029"]}
	alias_of(findings(lt, {"user_data": base64.encode(script)}, [])) == {["AVD-AWS-0129"]}
	alias_of(findings(lc, {"user_data": script}, [])) == {["AVD-AWS-0122"]}
	alias_of(findings(lc, {"user_data_base64": base64.encode(script)}, [])) == {["AVD-AWS-0122"]}
	# A password assignment: squealer's password rule, not Checkov's AWS patterns.
	alias_of(findings(vm, {"user_data": "#!/bin/bash\nexport DB_PASSWORD=hunter2\n"}, [])) == {["AVD-AWS-0029"]}
}

# What planguard finds and neither tool does names neither.
test_wider_findings_name_no_check if {
	hf := "huggingface-cli login --token hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
	alias_of(findings(vm, {"user_data": hf}, [])) == {[]}
	cloud_init := "#cloud-config\nusers:\n  - name: ml\n    passwd: hunter2\n"
	alias_of(findings(lt, {"user_data": base64.encode(cloud_init)}, [])) == {[]}
}

test_named_literals_and_vendor_tokens_are_denied if {
	t.assert_denied(findings(vm, {"user_data": "#!/bin/bash\necho 'api_key: 0123456789abcdef' > /etc/app.yml\n"}, []), vm, "user_data")
	t.assert_denied(findings(lc, {"user_data": "#!/bin/bash\nexport STRIPE_KEY=sk_live_0123456789abcdefABCDEFgh\n"}, []), lc, "user_data")
	t.assert_denied(findings(vm, {"user_data": "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}, []), vm, "user_data")
	every f in findings(vm, {"user_data": "#!/bin/bash\nexport DB_PASSWORD=hunter2\n"}, []) {
		not contains(f.msg, "hunter2")
	}
}

# Secrets fetched at boot, and values that only point at them, pass.
test_secrets_fetched_at_boot_pass if {
	boot := concat("\n", [
		"#!/bin/bash",
		"export DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)",
		"export HF_TOKEN_PARAMETER=/ml/hf-token",
		"export TOKEN_URL=https://auth.example.com/token",
		"export PASSWORD_FILE=/run/secrets/db",
	])
	t.assert_passes(findings(vm, {"user_data": boot}, []), vm)
	t.assert_passes(findings(lt, {"user_data": base64.encode(boot)}, []), lt)
}

# What CKV_AWS_46 also fails and planguard passes on purpose: a commit hash
# in a longer line, an account id.
test_public_key_and_key_id_prefix_pass_though_checkov_fails_them if {
	public := "PUBLIC_KEY=MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="
	scanners.checkov_aws(public)
	t.assert_passes(findings(vm, {"user_data": public}, []), vm)
	scanners.checkov_aws("XAKIAIOSFODNN7EXAMPLEX")
	t.assert_passes(findings(vm, {"user_data": "XAKIAIOSFODNN7EXAMPLEX"}, []), vm)
}

test_hash_and_account_id_pass_though_checkov_fails_them if {
	scanners.checkov_aws(clean)
	t.assert_passes(findings(vm, {"user_data": clean}, []), vm)
	scanners.checkov_aws("echo ACCOUNT_ID=123456789012 >> /etc/environment")
	t.assert_passes(findings(vm, {"user_data": "echo ACCOUNT_ID=123456789012 >> /etc/environment"}, []), vm)
}

# What squealer also fails and planguard passes on purpose: "sk-" inside a
# model name, a password filled in from a variable in quotes.
test_squealer_false_matches_pass if {
	model := "python train.py --model mask-rcnn"
	scanners.squealer(model)
	t.assert_passes(findings(lc, {"user_data": model}, []), lc)
	copy := "export DB_PASSWORD=\"$PGPASSWORD\""
	scanners.squealer(copy)
	t.assert_passes(findings(lc, {"user_data": copy}, []), lc)
}

# More of what squealer fails that holds no credential (AVD-AWS-0029's,
# 0122's and 0129's differs).
test_more_squealer_false_matches_pass if {
	texts := [
		"echo xoxb- is the bot token prefix",
		`FACEBOOK_APP_ID="1234567890123"`,
		`IMG_MD5="0123456789abcdef0123456789abcdef"`,
		`aws_lambda_zip_sha1 = "3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b"`,
		`oidc_client_id = "0123456789abcdef"`,
		"define( 'DB_NAME', 'wordpress_production' );",
		`SECRET_ID="db-credentials"`,
		"password: true",
		"admin_password: <your-password>",
	]
	every text in texts {
		scanners.squealer(text)
		t.assert_passes(findings(vm, {"user_data": text}, []), vm)
	}
}

test_launch_configuration_user_data_known_after_apply_is_not_judged if {
	t.assert_passes(findings(lc, {}, ["user_data"]), lc)
}
