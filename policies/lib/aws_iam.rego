# METADATA
# title: planguard helpers for AWS policy documents
# description: >-
#   Whether a resource or trust policy statement is open to everyone: a
#   Principal of "*" counts as private only under a Condition that binds the
#   caller. The decision is the one the TypeScript rules make
#   (src/rules/iam/principals.ts and condition-narrowing.ts);
#   test/policy/iam-condition-parity.test.ts runs one table of conditions and
#   one of statements through both and asserts the same answers.
package planguard.lib.aws_iam

import data.planguard.lib

# The statement's Principal admits every caller: "*", or "*" as (or in the
# list of) any principal type's value: {"AWS": "*"}, {"AWS": ["*"]},
# {"Service": "*"} ...
everyone(p) if p == "*"

everyone(p) if {
	not is_string(p)
	some v in p
	_holds_star(v)
}

_holds_star(v) if v == "*"

_holds_star(v) if {
	is_array(v)
	"*" in v
}

# An Allow statement open to every caller, read as src/rules/iam/principals.ts
# reads it: a public Principal, or a NotPrincipal without a Principal (every
# principal but the ones it names), whose Condition does not narrow who the
# caller is. Any Effect but "Deny" reads as Allow, a missing one included
# (AWS rejects such a document; the cautious reading reports it).
public_statement(s) if {
	is_object(s)
	object.get(s, "Effect", null) != "Deny"
	_open_to_all(s)
	not narrows_caller(object.get(s, "Condition", null))
}

_open_to_all(s) if everyone(object.get(s, "Principal", null))

_open_to_all(s) if {
	"NotPrincipal" in object.keys(s)
	not "Principal" in object.keys(s)
}

# The statements of a parsed policy document: Statement may be one object.
statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

# The Condition narrows WHO can use the statement. Most keys say how a
# request is made (aws:SecureTransport, aws:RequestedRegion ...) and leave
# every caller able to make it; a few bind the caller to an account, an
# organization, a source resource, a network or an address range. The
# operators and keys of a Condition are ANDed and a key's values ORed, so one
# operator-key pair that narrows with every one of its values is enough.
#
# Only positive operators narrow: a negated one admits every caller but the
# ones it names. ...IfExists and ForAllValues: do not narrow, being true when
# the key is absent from the request, as it is for exactly the callers that
# matter (an anonymous caller has no aws:PrincipalOrgID). sts:ExternalId is
# not a narrowing key: AWS documents the external ID as not a secret.
# aws:SourceIp narrows unless its ranges count as the internet under the
# config's network thresholds (lib.internet_ranges; by default a /8 for IPv4).
narrows_caller(condition) if {
	is_object(condition)
	some operator_name, tests in condition
	op := _operators[lower(operator_name)]
	is_object(tests)
	some key, raw in tests
	kind := _narrowing_keys[lower(key)]
	_pair_narrows(op, kind, raw)
}

# What each narrowing key (lower-cased: AWS matches key names in any case)
# binds the caller to, which decides how its values are read.
_narrowing_keys := {
	"aws:principalaccount": "account",
	"aws:sourceaccount": "account",
	"aws:sourceowner": "account",
	"kms:calleraccount": "account",
	"aws:vpceaccount": "account",
	"aws:principalorgid": "organization",
	"aws:sourceorgid": "organization",
	"aws:vpceorgid": "organization",
	"aws:principalorgpaths": "organization-path",
	"aws:sourceorgpaths": "organization-path",
	"aws:vpceorgpaths": "organization-path",
	"aws:principalarn": "arn",
	"aws:sourcearn": "arn",
	"aws:sourcevpc": "network",
	"aws:sourcevpce": "network",
	"aws:userid": "user-id",
	"aws:sourceip": "address",
}

# The positive operators that can narrow, lower-cased, bare or under
# ForAnyValue:. "wildcards": whether * and ? in a value are wildcards
# (StringLike, and ArnEquals and ArnLike alike, which both match ARN segments
# with wildcards) or literal characters (StringEquals).
_base_operators := {
	"stringequals": {"family": "string", "wildcards": false},
	"stringequalsignorecase": {"family": "string", "wildcards": false},
	"stringlike": {"family": "string", "wildcards": true},
	"arnequals": {"family": "arn", "wildcards": true},
	"arnlike": {"family": "arn", "wildcards": true},
	"ipaddress": {"family": "address", "wildcards": false},
}

_operators[name] := op if {
	some base, op in _base_operators
	some name in {base, concat("", ["foranyvalue:", base])}
}

_pair_narrows(op, "address", raw) if {
	op.family == "address"
	values := _values(raw)
	count(values) > 0
	not lib.internet_ranges(values)
}

_pair_narrows(op, kind, raw) if {
	kind != "address"
	op.family != "address"
	_family_fits(op.family, kind)
	values := _values(raw)
	count(values) > 0
	every v in values {
		_value_narrows(kind, v, op.wildcards)
	}
}

# An ARN operator compares ARN keys only.
_family_fits("string", _) := true

_family_fits("arn", "arn") := true

# A condition value is a string or a list of them; a JSON number (an account
# id written as one) reads as its text. Undefined for anything else.
_values(raw) := [_text(v) | some v in raw] if {
	is_array(raw)
	every v in raw {
		_scalar(v)
	}
}

_values(raw) := [_text(raw)] if _scalar(raw)

_scalar(v) if is_string(v)

_scalar(v) if is_number(v)

_text(v) := v if is_string(v)

_text(v) := format_int(v, 10) if {
	is_number(v)
	v == floor(v)
}

_text(v) := sprintf("%v", [v]) if {
	is_number(v)
	v != floor(v)
}

_wild(s) if contains(s, "*")

_wild(s) if contains(s, "?")

# Compared literally, any value names one caller (or none): "*" matches only
# the text "*".
_value_narrows(_, v, false) if v != ""

_value_narrows(kind, v, true) if {
	kind in {"account", "organization", "network"}
	v != ""
	not _wild(v)
}

# "o-abc/r-1/ou-2/*" narrows to one organization (or a unit of it); "*" or
# "o-*/..." does not.
_value_narrows("organization-path", v, true) if {
	org := split(v, "/")[0]
	startswith(lower(org), "o-")
	not _wild(org)
}

# "AROAEXAMPLEID:*" is every session of one role; any other wildcard admits
# unknown ids.
_value_narrows("user-id", v, true) if {
	v != ""
	not _wild(v)
}

_value_narrows("user-id", v, true) if {
	count(v) > 2
	endswith(v, ":*")
	not _wild(substring(v, 0, count(v) - 1))
}

_value_narrows("arn", v, true) if _arn_narrows(v)

# An ARN pattern narrows when it names one account (its fifth field has no
# wildcard) or, for an S3 ARN (which has no account), one bucket.
# "arn:aws:sqs:*:*:queue" or "arn:aws:s3:::*" admit resources of any account,
# so any account can arrange to be the source.
_arn_narrows(v) if {
	fields := _arn_fields(v)
	fields[4] != ""
	not _wild(fields[4])
}

_arn_narrows(v) if {
	fields := _arn_fields(v)
	fields[4] == ""
	lower(fields[2]) == "s3"
	bucket := split(concat(":", array.slice(fields, 5, count(fields))), "/")[0]
	bucket != ""
	not _wild(bucket)
}

# The fields of an ARN whose partition and service are written out.
_arn_fields(v) := fields if {
	fields := split(v, ":")
	count(fields) >= 6
	lower(fields[0]) == "arn"
	not _wild(fields[1])
	not _wild(fields[2])
}
