# METADATA
# title: planguard helpers that recognise credentials in text
# description: >-
#   Which kinds of credential a text (user data, an environment variable's
#   value) holds, by shapes that are credentials and little else: AWS access
#   key ids by their documented prefixes, AWS secret access keys assigned to
#   a name that says so, private key blocks, and the prefixed tokens of
#   GitHub, Slack, Hugging Face and Google. Loose shapes that also match
#   commit hashes, checksums or account ids are left out on purpose. The
#   helpers return kind names only: a rule must never put the matched text in
#   a finding.
package planguard.lib.secrets

# Kind name -> a pattern (RE2) whose match is that kind of credential.
patterns := {
	"an AWS access key id": `(^|[^A-Z0-9])(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}([^A-Z0-9]|$)`,
	"a private key": `-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----`,
	"a GitHub token": `(^|[^A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})`,
	"a Slack token": `(^|[^A-Za-z0-9])xox[abposr]-[0-9A-Za-z-]{10,}`,
	"a Hugging Face token": `(^|[^A-Za-z0-9_])hf_[A-Za-z0-9]{30,}([^A-Za-z0-9]|$)`,
	"a Google API key": `(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}([^0-9A-Za-z_-]|$)`,
}

# The kinds that are AWS credentials.
aws_kinds := {"an AWS access key id", "an AWS secret access key"}

# A 40-character secret access key assigned to a name with "aws" or "secret"
# in it (AWS_SECRET_ACCESS_KEY=..., aws_secret_access_key = "...",
# SecretAccessKey: ...).
_secret_key_assignment := `(?i)(aws|secret)[a-z0-9_.-]{0,30}["']?\s*(:|=>|=)\s*["']?([A-Za-z0-9/+]{40})([^A-Za-z0-9/+=]|$)`

# The kinds of credential `text` holds (a set of kind names; empty when none
# or when `text` is not a string).
kinds(text) := {kind |
	is_string(text)
	some kind, pattern in patterns
	regex.match(pattern, text)
} | {"an AWS secret access key" |
	is_string(text)
	some m in regex.find_all_string_submatch_n(_secret_key_assignment, text, -1)
	_random_looking(m[3])
}

# A generated key mixes upper case, lower case and digits; a word, a path or
# a hex digest does not.
_random_looking(s) if {
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
