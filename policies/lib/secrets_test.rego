package planguard.lib.secrets_test

import data.planguard.lib.secrets

test_aws_access_key_ids_by_prefix if {
	secrets.kinds("AKIAIOSFODNN7EXAMPLE") == {"an AWS access key id"}
	secrets.kinds("key=ASIAY34FZKBOKMUTVV7A;") == {"an AWS access key id"}
	# Part of a longer upper-case word is not a key id.
	secrets.kinds("XAKIAIOSFODNN7EXAMPLEX") == set()
}

test_secret_access_key_only_when_assigned_and_random_looking if {
	secrets.kinds(`aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`) == {"an AWS secret access key"}
	secrets.kinds("SecretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"an AWS secret access key"}
	# A commit hash assigned to a name with "secret" in it is hex, not a key.
	secrets.kinds("SECRET_REV=3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b") == set()
	# A free-standing 40-character token is not enough.
	secrets.kinds("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == set()
}

test_other_credentials if {
	secrets.kinds("-----BEGIN RSA PRIVATE KEY-----") == {"a private key"}
	secrets.kinds("token: ghp_0123456789abcdefghijABCDEFGHIJ012345") == {"a GitHub token"}
	secrets.kinds("xoxb-123456789012-abcdefABCDEF") == {"a Slack token"}
	secrets.kinds("HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789") == {"a Hugging Face token"}
	secrets.kinds("key=AIzaSyA-0123456789abcdefghijklmnopqrstu") == {"a Google API key"}
}

test_non_strings_and_plain_text_hold_nothing if {
	secrets.kinds(null) == set()
	secrets.kinds(42) == set()
	secrets.kinds("-----BEGIN PUBLIC KEY----- ACCOUNT_ID=123456789012") == set()
}

test_texts_decode_base64_only_when_it_is if {
	secrets.texts(base64.encode("echo hi")) == {base64.encode("echo hi"), "echo hi"}
	secrets.texts("echo hi") == {"echo hi"}
}
