# METADATA
# title: planguard helper functions
# description: >-
#   Helpers over data.planguard, the normalized model planguard builds from a
#   plan or state, for bundled and user policies. See docs/policy-authoring.md.
package planguard.lib

# A path such as ["ingress", 0, "cidr_blocks"] as the dotted text planguard uses.
path_text(path) := concat(".", [sprintf("%v", [step]) | some step in path])

# The value at `path` is known only after apply: the path itself, or a parent
# of it, is marked in the resource's after_unknown mask. One lookup per prefix
# of the path, however many unknown values the resource has.
is_unknown(r, path) if {
	mask := r.after_unknown
	# Every prefix starts with the first step: a mask that has nothing (or
	# false) there marks none of them. Most calls end here, before a prefix
	# is sliced.
	mask[path[0]]
	some n, _ in path
	object.get(mask, array.slice(path, 0, n + 1), false) == true
}

# A resource written without the mask (as tests often do): its unknown_paths.
is_unknown(r, path) if {
	not r.after_unknown
	p := path_text(path)
	some u in r.unknown_paths
	covers(u, p)
}

covers(u, p) if u == p

covers(u, p) if startswith(p, concat("", [u, "."]))

# The attribute's expression refers to another resource block (for example
# kms_key_id = aws_kms_key.k.arn): a value set by reference counts as set,
# even while it is unknown until apply.
refers_to(r, attribute) if {
	# Most resources refer to nothing (no entry): a plain lookup ends there,
	# before an iteration is set up.
	refs := data.planguard.references[r.config_address]
	some ref in refs
	covers(attribute, ref.attribute)
}

# The configuration addresses of the resource blocks of `type` that refer to r.
referrers_of_type(r, type) := {ref.from |
	some ref in data.planguard.referrers[r.config_address]
	ref.from_type == type
}

is_true(r, path) if object.get(r.after, path, null) == true

world_cidr(c) if c == "0.0.0.0/0"

world_cidr(c) if c == "::/0"

# The entries of an address list (CIDRs, addresses, "a-b" ranges) that admit
# public addresses, when together they count as the internet: their union
# admits at least as many public addresses as the config's network
# thresholds (default a /8 for IPv4, a /16 for IPv6). Undefined otherwise.
# ["0.0.0.0/1", "128.0.0.0/1"] is the internet as much as "0.0.0.0/0" is.
internet_ranges(entries) := planguard.internet_ranges(entries, network_config)

# data.planguard.config.network, read by its full path (reading data.planguard
# itself would include this package).
network_config := n if {
	n := data.planguard.config.network
} else := {}

open_to_internet(entries) if internet_ranges(entries)

# The sensitive ports (admin, database, cache, search, message queue,
# notebook, ML serving) a TCP/UDP port range includes, as "Name (port)".
sensitive_ports(from, to) := {sprintf("%s (%v)", [p.name, p.port]) | some p in planguard.sensitive_ports(from, to)}

# The same, of one kind ("admin", "database", ...).
sensitive_ports_of_kind(from, to, kind) := {sprintf("%s (%v)", [p.name, p.port]) |
	some p in planguard.sensitive_ports(from, to)
	p.kind == kind
}

# The provider's documented default for an attribute the configuration leaves
# out (src/rules/provider-defaults.json), as {"value": v, "source": url};
# undefined when the planned value stands or the author set the attribute.
provider_default(r, path) := planguard.provider_default(r, path)

# The value the cloud will see: the provider's default when the configuration
# leaves the attribute out, else the planned value when it is known (null
# when absent). Undefined while the value the author set is unknown.
effective(r, path) := d.value if {
	d := planguard.provider_default(r, path)
} else := v if {
	not is_unknown(r, path)
	v := object.get(r.after, path, null)
}

# Known only after apply, and not merely left to the provider's default:
# what "Not decided until apply" is for.
undecided(r, path) if {
	is_unknown(r, path)
	not planguard.provider_default(r, path)
}

# The part of a finding that names the narrower checks `ids` would raise it
# too (docs/policy-authoring.md): {"aliases": ids}, or {} when none would.
# For object.union with the rest of the finding.
naming(ids) := {"aliases": ids} if count(ids) > 0

naming(ids) := {} if count(ids) == 0
