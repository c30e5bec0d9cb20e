# METADATA
# title: planguard assertions for policy tests
# description: >-
#   For _test.rego files: assertions over a rule's findings that, when they
#   fail, print what was expected and what the rule reported (planguard test
#   and opa test show a failing test's print output), and a one-resource
#   data.planguard.resources_by_type to run a rule over. Only tests use it.
package planguard.lib.test

# A finding of `findings` (a rule's deny set) names `resource` and `attribute`.
assert_denied(findings, resource, attribute) if {
	some f in findings
	f.resource == resource
	f.attribute == attribute
} else := false if {
	print(sprintf("assert_denied: expected a finding on %s at %s; the rule reported %s", [resource, attribute, reported(findings)]))
}

# No finding of `findings` names `resource`.
assert_passes(findings, resource) if {
	not _names(findings, resource)
} else := false if {
	print(sprintf("assert_passes: expected no finding on %s; the rule reported %s", [resource, reported(findings)]))
}

# `findings` holds exactly `n` findings.
assert_count(findings, n) if {
	count(findings) == n
} else := false if {
	print(sprintf("assert_count: expected %d finding(s); the rule reported %s", [n, reported(findings)]))
}

_names(findings, resource) if {
	some f in findings
	f.resource == resource
}

# What a rule reported, short enough for a test's output: each finding's
# resource and attribute, sorted.
reported(findings) := "nothing" if {
	count(findings) == 0
} else := concat(", ", sort([_finding_text(f) | some f in findings]))

_finding_text(f) := sprintf("%v at %v", [f.resource, f.attribute]) if {
	f.attribute
} else := sprintf("%v", [f.resource]) if {
	f.resource
} else := sprintf("%v", [f])

# data.planguard.resources_by_type holding one resource, as a plan with
# `after` planned at `address` (TYPE.NAME, no module) and the dotted paths
# `unknown_paths` known only after apply would give it.
one_resource(address, after, unknown_paths) := {type: [{
	"address": address,
	"config_address": address,
	"type": type,
	"after": after,
	"unknown_paths": unknown_paths,
}]} if {
	type := split(address, ".")[0]
}
