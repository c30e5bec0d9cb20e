# METADATA
# title: planguard helpers that recognise credentials in text
# description: >-
#   Which kinds of credential a text (user data, an environment variable)
#   holds. Two ways, both chosen to report credentials and little else. By
#   shape: AWS access key ids by their documented prefixes, AWS secret access
#   keys next to a name that says so, private key
#   blocks, a generated-looking 40-character string standing on its own
#   (the shape of a secret access key), URLs with a password, and the prefixed tokens of GitHub, GitLab,
#   Slack, Hugging Face, Google, Stripe, Square, Shopify, Dynatrace,
#   Braintree, Amazon MWS, Mailchimp, SendGrid, npm, PyPI, OpenAI and
#   Anthropic. By name: a variable or assignment named like a credential
#   (DB_PASSWORD, API_KEY, CLIENT_SECRET, GITHUB_TOKEN ...) holding a literal
#   rather than a pointer to one (an ARN, an SSM or Secrets Manager name, a
#   ${...} reference, a URL, a boolean, a placeholder). Loose shapes that
#   also match commit hashes, checksums or account ids are left out on
#   purpose. The helpers return kind names only: a rule must never put the
#   matched text in a finding.
package planguard.lib.secrets

# Kind name -> a pattern (RE2) whose match is that kind of credential: a
# fixed prefix and a length and alphabet that little else has.
patterns := {
	"an AWS access key id": `(^|[^A-Z0-9])(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}([^A-Z0-9]|$)`,
	"a private key": `-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----`,
	"a GitHub token": `(^|[^A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})`,
	"a GitLab token": `(^|[^A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,}`,
	"a Slack token": `(^|[^A-Za-z0-9])xox[abposr]-[0-9A-Za-z-]{10,}`,
	"a Slack webhook URL": `hooks\.slack\.com/services/T[A-Za-z0-9_]{8,}/B[A-Za-z0-9_]{8,}/[A-Za-z0-9_]{24}`,
	"a Hugging Face token": `(^|[^A-Za-z0-9_])hf_[A-Za-z0-9]{30,}([^A-Za-z0-9]|$)`,
	"a Google API key": `(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}([^0-9A-Za-z_-]|$)`,
	"a Stripe live key": `(^|[^A-Za-z0-9_])[rs]k_live_[0-9A-Za-z]{24,}`,
	"a Square token": `sq0(atp-[0-9A-Za-z_-]{22}|csp-[0-9A-Za-z_-]{43})`,
	"a Shopify token": `shp(ss|at|ca|pa)_[a-fA-F0-9]{32}`,
	"a Dynatrace token": `dt0[a-zA-Z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}`,
	"a Braintree access token": `access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}`,
	"an Amazon MWS auth token": `amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
	"a Mailchimp API key": `(^|[^0-9A-Za-z])[0-9a-f]{32}-us[0-9]{1,2}([^0-9A-Za-z]|$)`,
	"a SendGrid API key": `SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`,
	# npm's granular tokens, and a literal token in an .npmrc line (not ${NPM_TOKEN}).
	"an npm token": `(^|[^A-Za-z0-9_])npm_[A-Za-z0-9]{36}([^A-Za-z0-9]|$)|:_authToken=[A-Za-z0-9_-]{20,}`,
	"a PyPI token": `pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`,
	# OpenAI's keys (legacy and project, service-account, admin keys),
	# Anthropic's, and the sk- keys of other model APIs.
	"an sk- API key (OpenAI, Anthropic and others)": `(^|[^A-Za-z0-9_-])sk-([A-Za-z0-9]{32,}|(proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|ant-[a-z]+[0-9]{2}-[A-Za-z0-9_-]{80,})`,
	# user:password@ in a URL; a ${...} or $VAR password is a reference.
	"a URL with a password": `[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#@:$]*:[^\s/?#@$]+@[A-Za-z0-9]`,
}

# The loader's stand-in for a value Terraform marks sensitive
# (src/plan/redact.ts). A sensitive value written into user data, a
# function's environment or a container definition is in plain text there,
# whatever it is: the author declared it secret.
redacted := "(sensitive value)"

sensitive_kind := "a value Terraform marks sensitive"

# The kinds that are AWS credentials.
aws_kinds := {"an AWS access key id", "an AWS secret access key", shaped_key_kind}

# A 40-character secret access key next to a name with "aws" or "secret" in
# it: AWS_SECRET_ACCESS_KEY=..., aws_secret_access_key = "...",
# SecretAccessKey: ..., or `aws configure set aws_secret_access_key ...`.
_secret_key_assignment := `(?i)(?:aws|secret)[a-z0-9_.-]{0,30}["']?(?:\s*(?::|=>|=)\s*|\s+)["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`

# A 40-character string standing on its own (between spaces, quotes, = or :,
# not inside a path, a URL or a longer encoded text) that looks generated
# the way a secret access key does: well mixed upper and lower case, digits.
_free_standing_40 := `(?:^|[\s"'=:,;(>|\x60\[{])([A-Za-z0-9/+]{40})(?:[\s"',;)<|&\x60\]}]|$)`

shaped_key_kind := "a string shaped like an AWS secret access key"

# The kinds of credential `text` holds by shape (a set of kind names; empty
# when none or when `text` is not a string).
shape_kinds(text) := _shapes(text) if {
	is_string(text)
	regex.match(_any_shape, text)
} else := set()

# One pass that tells whether any shape is there at all: most texts hold
# none, and are then read once instead of once per pattern.
_any_shape := concat("|", [sprintf("(?:%s)", [p]) | some p in array.concat(
	[p | some p in patterns],
	[_secret_key_assignment, _free_standing_40],
)])

_shapes(text) := by_pattern | named | shaped if {
	by_pattern := {kind |
		some kind, pattern in patterns
		regex.match(pattern, text)
	}
	named := {"an AWS secret access key" |
		some m in regex.find_all_string_submatch_n(_secret_key_assignment, text, -1)
		random_looking(m[1])
	}
	shaped := {shaped_key_kind |
		count(named) == 0
		some m in regex.find_all_string_submatch_n(_free_standing_40, text, -1)
		_well_mixed(m[1])
	}
}

# At least five upper-case and five lower-case letters and a digit: a
# generated 40-character key nearly always is (it averages 16, 16 and 6); a
# path or a CamelCase name seldom.
_well_mixed(s) if {
	count(regex.find_all_string_submatch_n(`[A-Z]`, s, 5)) == 5
	count(regex.find_all_string_submatch_n(`[a-z]`, s, 5)) == 5
	regex.match(`[0-9]`, s)
}

# The kinds of credential a variable holds: by shape (read with its name,
# which tells a secret access key from other tokens), else by its name when
# it holds a literal.
variable_kinds(_, value) := {sensitive_kind} if value == redacted

variable_kinds(name, value) := found if {
	value != redacted
	by_shape := shape_kinds(concat("=", [name, value]))
	found := _else_by_name(by_shape, name, value)
}

_else_by_name(by_shape, _, _) := by_shape if count(by_shape) > 0

_else_by_name(by_shape, name, value) := {kind | kind := named_kind(name, value)} if count(by_shape) == 0

# The kinds of credential a text (a script, cloud-init) holds: by shape, and
# the literal values it assigns to names that say credential (NAME=value,
# name: value, "name": "value", --name=value).
text_kinds(text) := shape_kinds(text) | {kind |
	is_string(text)
	some pattern in _assignments
	some m in regex.find_all_string_submatch_n(pattern, text, -1)
	# The name first: most assignments name no credential.
	kind := named_kind(m[1], trim(m[2], `"'`))
	# An assignment whose value has a shape is reported by its shape.
	count(shape_kinds(concat("=", [m[1], trim(m[2], `"'`)]))) == 0
} | _wordpress_keys(text)

_assignments := [
	`([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?:=>|=|:)[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s"';&|,]+)`,
	# PHP's define('DB_PASSWORD', '...'), as in wp-config.php.
	`define\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*,\s*("[^"\n]*"|'[^'\n]*')`,
]

# wp-config.php's authentication keys and salts sign WordPress's login
# cookies; the sample file's placeholder is not one.
_wordpress_keys(text) := {"a WordPress key or salt" |
	is_string(text)
	some m in regex.find_all_string_submatch_n(`define\(\s*['"](?:(?:SECURE_)?AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)['"]\s*,\s*(?:"([^"\n]{16,})"|'([^'\n]{16,})')`, text, -1)
	value := concat("", [m[1], m[2]])
	lower(value) != "put your unique phrase here"
}

# The kind of credential a variable named `name` holds when its value is a
# literal: undefined when the name does not say credential, when the words
# after the credential word say the value only points at or describes one
# (SECRET_ARN, TOKEN_URL, PASSWORD_FILE, TOKEN_TTL), and when the value is a
# reference, a boolean, empty or a placeholder. A name that only says "key"
# (ENCRYPTION_KEY, STORAGE_KEY) counts when the value looks generated.
named_kind(name, value) := kind if {
	is_string(name)
	is_string(value)
	words := name_words(name)
	credentials := {i: c | some i, w in words; c := _credential_word(words, i, w)}
	count(credentials) > 0
	last := max({i | credentials[i]})
	not _describes(words, last)
	c := credentials[last]
	v := trim_space(value)
	_literal(v)
	_holds(c, v)
	kind := c.kind
}

# A name's words, lower case: DB_PASSWORD, db-password, dbPassword and
# spring.datasource.password split the same way.
name_words(name) := [w |
	some w in regex.split(`[^a-z0-9]+`, lower(regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}")))
	w != ""
]

_credential_word(words, i, w) := {"kind": "a password", "strong": true} if {
	_password_word(words, w)
} else := {"kind": "a secret", "strong": true} if {
	endswith(w, "secret")
} else := {"kind": "a secret", "strong": true} if {
	w == "secrets"
} else := {"kind": "a token", "strong": true} if {
	endswith(w, "token")
} else := {"kind": "an API key", "strong": true} if {
	endswith(w, "apikey")
} else := {"kind": "an API key", "strong": true} if {
	w == "key"
	i > 0
	words[i - 1] == "api"
} else := {"kind": "credentials", "strong": true} if {
	w in {"credential", "credentials", "creds"}
} else := {"kind": "a key", "strong": true} if {
	w in {"privatekey", "accesskey", "secretkey", "signingkey", "authkey", "masterkey", "hmackey", "encryptionkey"}
} else := {"kind": "a key", "strong": true} if {
	w == "key"
	i > 0
	words[i - 1] in {"secret", "private", "access", "auth", "signing", "master", "hmac", "encryption", "session", "license"}
} else := {"kind": "a key", "strong": false} if {
	w == "key"
}

_password_word(_, w) if w in {"password", "passwd", "passphrase", "pass"}

_password_word(_, w) if endswith(w, "password")

_password_word(_, w) if endswith(w, "passwd")

# PWD alone is the shell's working directory.
_password_word(words, "pwd") if count(words) > 1

# Words after the credential word that make the value something other than
# the credential: where it is, what names it, how it is used or checked.
_describes(words, last) if {
	some j, w in words
	j > last
	w in _descriptive_words
}

_describes(words, _) if {
	some w in words
	w in {"public", "pub"}
}

# A switch about a credential (HF_HUB_DISABLE_TOKEN, USE_SECRETS_MANAGER,
# SKIP_PASSWORD_CHECK), not one.
_describes(words, last) if {
	some j, w in words
	j < last
	w in {"disable", "enable", "use", "require", "skip", "allow", "no", "with", "without"}
}

# A key that names a KMS key, an S3 object or a table row, not a secret.
_describes(words, last) if {
	words[last] == "key"
	last > 0
	words[last - 1] in {"kms", "cmk", "s3", "object", "partition", "sort", "range", "hash", "cache", "idempotency", "primary", "foreign", "routing", "dedup", "dedupe", "lookup", "index", "map", "dict"}
}

_descriptive_words := {
	"arn", "id", "ids", "name", "names", "path", "file", "files", "dir", "url", "uri", "endpoint",
	"host", "port", "param", "parameter", "ref", "version", "length", "len", "ttl", "expiry",
	"expires", "expiration", "timeout", "lifetime", "age", "days", "hours", "minutes", "seconds",
	"header", "enabled", "enable", "disabled", "required", "region", "rotation", "policy", "audience",
	"issuer", "scope", "scopes", "field", "location", "type", "mode", "kind", "format", "algorithm",
	"backend", "provider", "store", "source", "manager", "service", "prefix", "suffix", "hint",
	"min", "max", "count", "size", "limit", "hash", "check", "validation", "verify", "label", "description", "template", "pattern",
	"env", "var", "variable", "account", "user", "username", "login", "email",
}

# A value that is the credential itself, not a pointer to it or a stand-in.
_literal(v) if {
	v != ""
	not regex.match(_pointer, v)
	not regex.match(`\$\{|\$\(|\{\{`, v)
}

_pointer := `^(arn:|\$|\{|\[|%|!|<|\x60|[|>][-+]?$|(?i:true|false|yes|no|on|off|0|1|none|null|nil|enabled|disabled|required|optional|todo|tbd|redacted|placeholder|replace[_-]?me)$|(?i:your|my)[_-]|[A-Za-z][A-Za-z0-9+.-]*://|/[A-Za-z0-9_./-]*$|[a-z0-9_.-]+(/[a-z0-9_.-]+)+$|(x+|X+|\*+|\.+|-+|_+|#+)$)`

_holds(c, _) if c.strong

# A value that only a name ending in "key" calls a credential must look
# generated (not a word, a path or an S3 object key).
_holds(c, v) if {
	not c.strong
	regex.match(`^[A-Za-z0-9+/=_-]{16,}$`, v)
	_generated(v)
}

_generated(v) if random_looking(v)

_generated(v) if regex.match(`^[0-9a-fA-F]{32,}$`, v)

_generated(v) if regex.match(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`, v)

# A generated key mixes upper case, lower case and digits; a word, a path or
# a hex digest does not.
random_looking(s) if {
	regex.match(`[A-Z]`, s)
	regex.match(`[a-z]`, s)
	regex.match(`[0-9]`, s)
}

# The texts a value may stand for: itself, and its base64 decoding when it
# is valid base64 that decodes to text (user_data_base64, launch templates'
# user_data).
texts(v) := {v} | _decoded(v)

_decoded(v) := {d |
	is_string(v)
	count(v) >= 8
	regex.match(`^[A-Za-z0-9+/]+={0,2}$`, v)
	base64.is_valid(v)
	d := base64.decode(v)
}
