# METADATA
# title: What other tools' secret scanners fail, for per-finding aliases
# description: >-
#   The credential rules decide a wider question than Checkov's CKV_AWS_45 and
#   CKV_AWS_46 and Trivy's secret checks, and name a check only on the
#   findings it would raise too. These helpers say whether each tool's
#   scanner fails a text: Checkov's AWS secret patterns
#   (checkov/common/util/secrets.py) and the default rules of squealer, the
#   scanner Trivy runs on user data and container environments (the rules
#   without a file filter, which are the ones its string scan applies, and
#   no entropy bound, which its string scan does not check). They are never
#   used to decide whether something is a credential: only which other
#   tool's finding a planguard finding stands for.
package planguard.lib.secret_scanners

# Checkov's AWS category: a free-standing 40-character run of base64
# letters, an access key id, a 40-character value assigned to a name ending
# in KEY, an account id assigned to an ACCOUNT name; a text that is only an
# MD5 or SHA-1 hex digest passes.
checkov_aws(text) if {
	is_string(text)
	not regex.match(`(?i)^([a-f0-9]{32}|[a-f0-9]{40})\n?$`, text)
	some pattern in _checkov_aws
	regex.match(pattern, text)
}

_checkov_aws := [
	`(^|[^A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}([^A-Za-z0-9/+=]|$)`,
	`(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}`,
	`(KEY|key|Key)["']?\s*(:|=>|=)\s*["']?[A-Za-z0-9/+=]{40}`,
	`(ACCOUNT|account|Account)_?(ID|id|Id)?["']?\s*(:|=>|=)\s*["']?[0-9]{4}-?[0-9]{4}-?[0-9]{4}`,
]

# squealer's string scan (Trivy's AVD-AWS-0029, 0122, 0129 and the value
# half of 0036).
squealer(text) if {
	is_string(text)
	some pattern in _squealer
	regex.match(pattern, text)
}

_squealer := [
	`(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}`,
	`(?i)aws_secre.+[=:]\s*[A-Za-z0-9/+=]{40}`,
	`(?i)aws.{0,20}['"][0-9a-zA-Z/+]{40}['"]`,
	`(?i)github[_.-]?token[\s:,="\]']+?[0-9a-zA-Z]{35}`,
	`(?i)github.{0,3}(token|api|key).{0,10}?(?-i:[0-9a-zA-Z]{35})`,
	`gh[opusr]_[A-Za-z0-9_]{30}`,
	`xox[baprs]-`,
	`xox.-[0-9]{12}-[0-9]{12}-([0-9]{12}-[a-zA-Z0-9]{32}|[r0-9a-zA-Z]{24})`,
	`-----BEGIN ((EC|PGP|DSA|RSA|OPENSSH) )?PRIVATE KEY( BLOCK)?-----`,
	`(?i)password\s?[:=]\s?"?[^\s?${].`,
	`amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
	`(?i)(facebook|fb).{0,20}['"](?-i:[0-9a-f]{32})['"]`,
	`(?i)(facebook|fb).{0,20}['"][0-9]{13,17}['"]`,
	`(?i)twitter.{0,20}['"][0-9a-z]{18,25}['"]`,
	`(?i)twitter.{0,20}['"][0-9a-z]{35,44}['"]`,
	`(?i)linkedin.{0,20}['"](?-i:[0-9a-z]{12})['"]`,
	`(?i)linkedin.{0,20}['"][0-9a-z]{16}['"]`,
	`//registry.npmjs.org/:_authToken=[0-9a-f-]`,
	`AIza[0-9A-Za-z_\\^\]]{35}`,
	`(?i)heroku.{0,20}['"][0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}['"]`,
	`(?i)(mailchimp|mc).{0,20}['"][0-9a-f]{32}-us[0-9]{1,2}['"]`,
	`(?i)(mailgun|mg).{0,20}['"][0-9a-z]{32}['"]`,
	`access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}`,
	`sk_live_[0-9a-z]{32}`,
	`https://hooks.slack.com/services/T[a-zA-Z0-9_]{8}/B[a-zA-Z0-9_]{8}/[a-zA-Z0-9_]{24}`,
	`(?i)stripe.{0,20}['"][sk|rk]_live_[0-9a-zA-Z]{24}`,
	`sq0atp-[0-9A-Za-z_-]{22}`,
	`sq0csp-[0-9A-Za-z_\\^\]]{43}`,
	`(?i)twilio.{0,20}['"][0-9a-f]{32}['"]`,
	`dt0[a-zA-Z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}`,
	`shp(ss|at|ca|pa)_[a-fA-F0-9]{32}`,
	`(?i)(apikey|secret|password|certificate_osx_p12|codacy_project_token|coveralls_api_token|coveralls_repo_token|coveralls_token|coverity_scan_token|cypress_record_key|deploy_token|digitalocean_access_token|firebase_api_token|firebase_token|fossa_api_key|gcloud_service_key|gh_api_key|gpg_private_key|gpg_passphrase|heroku_api_key|okta_client_token|travis_token|refresh_token|client_id).*[(:=]\s?['"][0-9a-zA-Z_!$^%=-]{10,120}['")]`,
	`define.{0,20}(DB_CHARSET|NONCE_SALT|LOGGED_IN_SALT|AUTH_SALT|NONCE_KEY|DB_HOST|DB_PASSWORD|AUTH_KEY|SECURE_AUTH_KEY|LOGGED_IN_KEY|DB_NAME|DB_USER).{0,20}['|"].{10,120}['|"]`,
	`sk-[a-zA-Z0-9]`,
]

# Trivy's AVD-AWS-0036 also fails a container environment variable by its
# name alone, whatever its value: a name that is, or contains, one of these
# words (unless it starts with token_type or version).
trivy_sensitive_name(name) if {
	is_string(name)
	lower(name) in _trivy_names
}

trivy_sensitive_name(name) if {
	is_string(name)
	n := lower(name)
	some word in _trivy_names
	contains(n, word)
	not startswith(n, "token_type")
	not startswith(n, "version")
}

_trivy_names := {"password", "secret", "private_key", "aws_access_key_id", "aws_secret_access_key", "token", "api_key"}
