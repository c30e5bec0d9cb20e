package planguard.lib.secret_scanners_test

import data.planguard.lib.secret_scanners as scanners

key := "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# Checkov's AWS patterns: what they fail, including what is no credential.
test_checkov_aws_fails if {
	scanners.checkov_aws("AKIAIOSFODNN7EXAMPLE")
	scanners.checkov_aws(key)
	scanners.checkov_aws(concat(" ", ["aws configure set aws_secret_access_key", key]))
	# Its loose shapes: a commit hash inside a longer text, an account id.
	scanners.checkov_aws("git checkout 3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b")
	scanners.checkov_aws("ACCOUNT_ID=123456789012")
	# A KEY name followed by 40 base64 letters (a longer key).
	scanners.checkov_aws("ENCRYPTION_KEY=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u")
}

test_checkov_aws_passes if {
	# A whole text that is an MD5 or SHA-1 digest.
	not scanners.checkov_aws("3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b")
	not scanners.checkov_aws("DB_PASSWORD=hunter2")
	not scanners.checkov_aws("ghp_0123456789abcdefghijABCDEFGHIJ012345")
	not scanners.checkov_aws(42)
}

test_squealer_fails if {
	scanners.squealer("AKIAIOSFODNN7EXAMPLE")
	scanners.squealer(concat("", ["export AWS_SECRET_ACCESS_KEY=", key]))
	scanners.squealer("DB_PASSWORD=hunter2")
	scanners.squealer("token: ghp_0123456789abcdefghijABCDEFGHIJ012345")
	scanners.squealer("-----BEGIN RSA PRIVATE KEY-----")
	scanners.squealer("xoxb-123456789012-abcdefABCDEF")
	scanners.squealer("sk_live_0123456789abcdef0123456789abcdef")
	scanners.squealer(`client_secret = "0123456789abcdef"`)
	# Its loose OpenAI shape: any "sk-" followed by a letter or digit.
	scanners.squealer("mask-rcnn")
}

test_squealer_passes if {
	not scanners.squealer(key)
	not scanners.squealer("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")
	not scanners.squealer("DB_PASSWD=hunter2")
	not scanners.squealer("password=${DB_PASSWORD}")
	not scanners.squealer("ASCAIOSFODNN7EXAMPLE")
	not scanners.squealer("echo hello")
	not scanners.squealer(null)
}

test_trivy_sensitive_names if {
	scanners.trivy_sensitive_name("DB_PASSWORD")
	scanners.trivy_sensitive_name("SECRET_ARN")
	scanners.trivy_sensitive_name("TOKENIZER")
	scanners.trivy_sensitive_name("token")
	# Names starting with token_type or version are left alone.
	not scanners.trivy_sensitive_name("token_type_hint")
	not scanners.trivy_sensitive_name("VERSION_TOKEN")
	not scanners.trivy_sensitive_name("DB_PASSWD")
	not scanners.trivy_sensitive_name("APIKEY")
	not scanners.trivy_sensitive_name("MODEL_NAME")
	not scanners.trivy_sensitive_name(42)
}
