# METADATA
# title: planguard helpers over attribute values
# description: >-
#   The checks most rules make on a resource's planned values: is a string
#   set, is a value still to come (unknown until apply, or a reference), which
#   of several spellings of one setting is used. Part of package
#   planguard.lib, next to lib.rego. See docs/policy-authoring.md.
package planguard.lib

# A string with at least one character (a key name, an id, a date); null,
# "" and values of other kinds are not.
non_empty(v) if {
	is_string(v)
	v != ""
}

# The value at `path` is not in the plan yet, so a rule must not judge it:
# known only after apply, or written as a reference to another resource
# block (kms_key_id = aws_kms_key.k.arn counts as set, even while unknown).
# References are recorded per attribute, not per element, so the indexes in
# `path` are left out to look them up.
pending(r, path) if is_unknown(r, path)

pending(r, path) if {
	# Most resources refer to nothing: the attribute's dotted name is built
	# only for one whose references list is not empty ([] fails refers_to too).
	data.planguard.references[r.config_address] != []
	refers_to(r, concat(".", [step | some step in path; is_string(step)]))
}

# Some of `names` (top-level attributes: often one setting's spellings across
# provider versions) is pending.
any_pending(r, names) if {
	some name in names
	pending(r, [name])
}

# The first of `names` that the planned values set (to anything but null);
# undefined when none is.
first_set(r, names) := [name | some name in names; object.get(r.after, name, null) != null][0]

# The attribute a finding names: the first of `names` set, else the first
# name (where the author should add it).
attribute_of(r, names) := name if {
	name := first_set(r, names)
} else := names[0]

# The value of the first of `names` set, else `default_value` (what the
# provider uses when none is set).
value_of(r, names, default_value) := r.after[name] if {
	name := first_set(r, names)
} else := default_value

# The value at `path`, or some value inside it, is known only after apply:
# a block whose key may still be written.
unknown_within(r, path) if is_unknown(r, path)

unknown_within(r, path) if {
	r.after_unknown
	inner := object.get(r.after_unknown, path, false)
	# Nothing marked at the path (false, as for most resources): no leaf to
	# walk can be true.
	inner != false
	walk(inner, [_, leaf])
	leaf == true
}

# A resource written without the mask (as tests often do): its unknown_paths.
unknown_within(r, path) if {
	not r.after_unknown
	prefix := concat("", [path_text(path), "."])
	some u in r.unknown_paths
	startswith(u, prefix)
}

# The nested blocks at `block` (a top-level list such as encrypt_at_rest),
# or `key` inside one of them, are known only after apply.
unknown_in_blocks(r, block, _) if is_unknown(r, [block])

unknown_in_blocks(r, block, key) if {
	some i, _ in object.get(r.after, block, [])
	is_unknown(r, [block, i, key])
}

# A boolean written as text, as GCE metadata and some provider attributes
# hold them: true/false in any case, 1/0, or a JSON boolean. Undefined for
# anything else (a sensitive or unknown value included).
bool_text(v) := true if lower(sprintf("%v", [v])) in {"true", "1"}

bool_text(v) := false if lower(sprintf("%v", [v])) in {"false", "0"}
