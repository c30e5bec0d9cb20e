package planguard.iam.aws.user_data_credentials_test

import data.planguard.iam.aws.user_data_credentials as policy
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

test_redacted_user_data_passes if {
	t.assert_passes(findings(vm, {"user_data": "(sensitive value)"}, []), vm)
}
