package planguard.lib.secrets_test

import data.planguard.lib.secrets

test_aws_access_key_ids_by_prefix if {
	secrets.shape_kinds("AKIAIOSFODNN7EXAMPLE") == {"an AWS access key id"}
	secrets.shape_kinds("key=ASIAY34FZKBOKMUTVV7A;") == {"an AWS access key id"}
	# Part of a longer upper-case word is not a key id.
	secrets.shape_kinds("XAKIAIOSFODNN7EXAMPLEX") == set()
}

test_secret_access_key_only_when_assigned_and_random_looking if {
	secrets.shape_kinds(`aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`) == {"an AWS secret access key"}
	secrets.shape_kinds("SecretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"an AWS secret access key"}
	# A commit hash assigned to a name with "secret" in it is hex, not a key.
	secrets.shape_kinds("SECRET_REV=3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b") == set()
	# Standing on its own, it has a secret access key's shape.
	secrets.shape_kinds("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"a string shaped like an AWS secret access key"}
	secrets.shape_kinds(`echo "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" | login`) == {"a string shaped like an AWS secret access key"}
	# Not inside a path or a longer text, and not a path or CamelCase name.
	secrets.shape_kinds("s3://datasets/wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == set()
	secrets.shape_kinds("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYwJalr") == set()
	secrets.shape_kinds("cd /opt/Models/Resnet50/Checkpoints/Final1") == set()
	secrets.shape_kinds("Abcdefghijklmnopqrstuvwxyz0123456789aBCD") == set()
}

test_other_credentials if {
	secrets.shape_kinds("-----BEGIN RSA PRIVATE KEY-----") == {"a private key"}
	secrets.shape_kinds("token: ghp_0123456789abcdefghijABCDEFGHIJ012345") == {"a GitHub token"}
	secrets.shape_kinds("xoxb-123456789012-abcdefABCDEF") == {"a Slack token"}
	secrets.shape_kinds("HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789") == {"a Hugging Face token"}
	secrets.shape_kinds("key=AIzaSyA-0123456789abcdefghijklmnopqrstu") == {"a Google API key"}
}

test_non_strings_and_plain_text_hold_nothing if {
	secrets.shape_kinds(null) == set()
	secrets.shape_kinds(42) == set()
	secrets.shape_kinds("-----BEGIN PUBLIC KEY----- ACCOUNT_ID=123456789012") == set()
}

test_texts_decode_base64_only_when_it_is if {
	secrets.texts(base64.encode("echo hi")) == {base64.encode("echo hi"), "echo hi"}
	secrets.texts("echo hi") == {"echo hi"}
}

# Each vendor shape is found by its prefix, length and alphabet, and a near
# miss (too short, wrong prefix, part of a longer word) is not.
test_vendor_shapes if {
	secrets.shape_kinds("glpat-0123456789abcdefABCD") == {"a GitLab token"}
	secrets.shape_kinds("glpat-short") == set()
	secrets.shape_kinds("https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx") == {"a Slack webhook URL"}
	secrets.shape_kinds("https://hooks.slack.com/services/") == set()
	secrets.shape_kinds("STRIPE=sk_live_0123456789abcdefABCDEFgh") == {"a Stripe live key"}
	secrets.shape_kinds("rk_live_0123456789abcdefABCDEFgh") == {"a Stripe live key"}
	secrets.shape_kinds("disk_live_0123456789abcdefABCDEFgh") == set()
	secrets.shape_kinds("sq0atp-0123456789abcdefABCDEF") == {"a Square token"}
	secrets.shape_kinds("shpat_0123456789abcdef0123456789abcdef") == {"a Shopify token"}
	secrets.shape_kinds("shpat_0123") == set()
	secrets.shape_kinds(concat("", ["dt0c01.", "ABCDEFGHIJKLMNOPQRSTUVWX", ".", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"])) == {"a Dynatrace token"}
	secrets.shape_kinds("access_token$production$0123456789abcdef$0123456789abcdef0123456789abcdef") == {"a Braintree access token"}
	secrets.shape_kinds("amzn.mws.01234567-89ab-cdef-0123-456789abcdef") == {"an Amazon MWS auth token"}
	secrets.shape_kinds("MC_KEY=0123456789abcdef0123456789abcdef-us21") == {"a Mailchimp API key"}
	secrets.shape_kinds("0123456789abcdef0123456789abcdef-use1") == set()
	secrets.shape_kinds("SG.0123456789abcdefABCDEF.0123456789abcdefABCDEF0123456789abcdefABCDE") == {"a SendGrid API key"}
	secrets.shape_kinds("npm_0123456789abcdefABCDEF0123456789abcd") == {"an npm token"}
	secrets.shape_kinds("//registry.npmjs.org/:_authToken=01234567-89ab-cdef-0123-456789abcdef") == {"an npm token"}
	secrets.shape_kinds("//registry.npmjs.org/:_authToken=${NPM_TOKEN}") == set()
	secrets.shape_kinds(concat("", ["pypi-AgEIcHlwaS5vcmc", "CJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACKl"])) == {"a PyPI token"}
	secrets.shape_kinds("OPENAI_API_KEY=sk-0123456789abcdefABCDEF0123456789abcdefABCDEF01") == {"an sk- API key (OpenAI, Anthropic and others)"}
	secrets.shape_kinds(concat("", ["sk-proj-", "0123456789abcdefABCDEF0123456789abcdef_-0123456789"])) == {"an sk- API key (OpenAI, Anthropic and others)"}
	secrets.shape_kinds(concat("", ["sk-ant-api03-", "0123456789abcdefABCDEF0123456789abcdef_-0123456789abcdefABCDEF0123456789abcdef_-0123456789"])) == {"an sk- API key (OpenAI, Anthropic and others)"}
	# A model name or a disk id is not a key.
	secrets.shape_kinds("mask-rcnn task-0123456789abcdefABCDEF0123456789abcdef sk-small") == set()
}

test_urls_with_a_password if {
	secrets.shape_kinds("DATABASE_URL=postgres://ml:hunter2@db.internal:5432/features") == {"a URL with a password"}
	secrets.shape_kinds("redis://:s3cret@cache:6379") == {"a URL with a password"}
	# No password, or a password filled in from a variable.
	secrets.shape_kinds("git clone https://git@github.com/org/repo") == set()
	secrets.shape_kinds("postgres://ml:${DB_PASSWORD}@db.internal/features") == set()
	secrets.shape_kinds("postgres://ml:$DB_PASSWORD@db.internal/features") == set()
	secrets.shape_kinds("http://[::1]:8080/health") == set()
}

test_secret_access_key_after_its_name_without_equals if {
	secrets.shape_kinds("aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"an AWS secret access key"}
}

test_named_literals if {
	secrets.named_kind("DB_PASSWORD", "hunter2") == "a password"
	secrets.named_kind("dbPassword", "hunter2") == "a password"
	secrets.named_kind("spring.datasource.password", "hunter2") == "a password"
	secrets.named_kind("DB_PWD", "hunter2") == "a password"
	secrets.named_kind("CLIENT_SECRET", "abc") == "a secret"
	secrets.named_kind("GITHUB_TOKEN", "0123456789abcdef0123456789abcdef01234567") == "a token"
	secrets.named_kind("WANDB_API_KEY", "0123456789abcdef") == "an API key"
	secrets.named_kind("APIKEY", "0123456789abcdef") == "an API key"
	secrets.named_kind("SECRET_KEY_BASE", "changeme") == "a key"
	secrets.named_kind("DOCKER_CREDENTIALS", "ml:hunter2") == "credentials"
	# Weak: a name that only says key needs a generated-looking value.
	secrets.named_kind("ENCRYPTION_KEY", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==") == "a key"
	secrets.named_kind("STORAGE_KEY", "0123456789abcdef0123456789abcdef") == "a key"
}

test_names_and_values_that_are_not_credentials if {
	not secrets.named_kind("SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf")
	not secrets.named_kind("DB_SECRET", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf")
	not secrets.named_kind("DB_SECRET", "prod/ml/db-credentials")
	not secrets.named_kind("DB_PASSWORD", "/prod/ml/db-password")
	not secrets.named_kind("DB_PASSWORD", "{{resolve:ssm-secure:/prod/db}}")
	not secrets.named_kind("DB_PASSWORD", "${DB_PASSWORD}")
	not secrets.named_kind("DB_PASSWORD", "$DB_PASSWORD")
	not secrets.named_kind("DB_PASSWORD", "$(aws ssm get-parameter --name /db --with-decryption)")
	not secrets.named_kind("DB_PASSWORD", "")
	not secrets.named_kind("DB_PASSWORD", "  ")
	not secrets.named_kind("DB_PASSWORD", "<your-password>")
	not secrets.named_kind("DB_PASSWORD", "REPLACE_ME")
	not secrets.named_kind("DB_PASSWORD", "********")
	not secrets.named_kind("TOKEN_URL", "https://auth.example.com/oauth2/token")
	not secrets.named_kind("OAUTH_TOKEN", "https://auth.example.com/oauth2/token")
	not secrets.named_kind("PASSWORD_FILE", "/run/secrets/db")
	not secrets.named_kind("PASSWORD_MIN_LENGTH", "14")
	not secrets.named_kind("TOKEN_TTL_SECONDS", "3600")
	not secrets.named_kind("AUTH_TOKEN_TYPE", "Bearer")
	not secrets.named_kind("USE_SECRETS_MANAGER", "true")
	not secrets.named_kind("REQUIRE_TOKEN", "false")
	not secrets.named_kind("HF_HUB_DISABLE_TOKEN", "1")
	not secrets.named_kind("SKIP_PASSWORD_CHECK", "yes-please")
	not secrets.named_kind("TOKEN_REFRESH", "0")
	not secrets.named_kind("AWS_ACCESS_KEY_ID", "ml-team")
	not secrets.named_kind("TOKENIZER", "bert-base-uncased")
	not secrets.named_kind("MAX_TOKENS", "512")
	not secrets.named_kind("PWD", "/home/ml")
	not secrets.named_kind("SSH_PUBLIC_KEY", "AAAAC3NzaC1lZDI1NTE5AAAAIK0123456789abcdefABCDEF")
	not secrets.named_kind("S3_KEY", "datasets/train.csv")
	not secrets.named_kind("CACHE_KEY", "v2")
	not secrets.named_kind("KMS_KEY", "1234abcd-12ab-34cd-56ef-1234567890ab")
	not secrets.named_kind("MODEL_NAME", "resnet50")
	not secrets.named_kind(42, "hunter2")
	not secrets.named_kind("DB_PASSWORD", 42)
}

test_variable_kinds_prefer_the_shape if {
	secrets.variable_kinds("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"an AWS secret access key"}
	secrets.variable_kinds("GITHUB_TOKEN", "ghp_0123456789abcdefghijABCDEFGHIJ012345") == {"a GitHub token"}
	secrets.variable_kinds("DB_PASSWORD", "hunter2") == {"a password"}
	# A whole value shaped like a secret access key, whatever the name.
	secrets.variable_kinds("S3_SK", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"a string shaped like an AWS secret access key"}
	# A commit hash or a SHA-256 digest in base64 is not.
	secrets.variable_kinds("MODEL_REV", "3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b") == set()
	secrets.variable_kinds("DATASET_SHA256", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=") == set()
}

test_text_kinds_read_assignments if {
	script := "#!/bin/bash\nexport DB_PASSWORD='hunter2 horse'\nmlflow server --backend-store-uri sqlite:///m.db\n"
	secrets.text_kinds(script) == {"a password"}
	cloud_init := "#cloud-config\nusers:\n  - name: ml\n    passwd: hunter2\n"
	secrets.text_kinds(cloud_init) == {"a password"}
	json_text := `{"api_key": "0123456789abcdef", "region": "eu-west-1"}`
	secrets.text_kinds(json_text) == {"an API key"}
	secrets.text_kinds("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"an AWS secret access key"}
}

test_text_kinds_skip_values_fetched_at_boot if {
	script := concat("\n", [
		"#!/bin/bash",
		"export DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)",
		"export HF_TOKEN=\"$(aws ssm get-parameter --name /ml/hf-token --with-decryption --query Parameter.Value --output text)\"",
		"export TOKEN_URL=https://auth.example.com/token",
		"export PASSWORD_FILE=/run/secrets/db",
		"export SECRET_ID=prod/db",
		"chpasswd: { expire: False }",
		"password:",
		"git -C /opt/train checkout 3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b",
	])
	secrets.text_kinds(script) == set()
}

test_keys_that_name_no_secret if {
	not secrets.named_kind("KMS_KEY", "1234abcd-12ab-34cd-56ef-1234567890ab")
	not secrets.named_kind("PARTITION_KEY", "0123456789abcdef0123456789abcdef")
	secrets.named_kind("CYPRESS_RECORD_KEY", "1234abcd-12ab-34cd-56ef-1234567890ab") == "a key"
	secrets.named_kind("LICENSE_KEY", "1234abcd-12ab-34cd-56ef-1234567890ab") == "a key"
}

test_wordpress_config if {
	config := concat("\n", [
		"define( 'DB_NAME', 'wordpress' );",
		"define( 'DB_PASSWORD', 'hunter2' );",
		"define( 'AUTH_KEY', 'k9#Lq2!vZ8@wX4$mN7%pR1^tY6&uI3*o' );",
	])
	secrets.text_kinds(config) == {"a password", "a key", "a WordPress key or salt"}
	sample := concat("\n", [
		"define( 'DB_NAME', 'wordpress' );",
		"define( 'DB_USER', 'wp' );",
		"define( 'DB_PASSWORD', getenv('WP_DB_PASSWORD') );",
		"define( 'NONCE_SALT', 'put your unique phrase here' );",
	])
	secrets.text_kinds(sample) == set()
}

test_free_standing_key_between_markup if {
	secrets.shape_kinds("<Secret>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</Secret>") == {"a string shaped like an AWS secret access key"}
	secrets.shape_kinds("https://x.example.com/?sig=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY&a=b") == {"a string shaped like an AWS secret access key"}
}
