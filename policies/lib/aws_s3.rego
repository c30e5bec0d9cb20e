# METADATA
# title: planguard helpers for S3 bucket default encryption
# description: >-
#   A bucket's default encryption may be declared inline (older providers'
#   server_side_encryption_configuration block) or by an
#   aws_s3_bucket_server_side_encryption_configuration that refers to the
#   bucket. These helpers read both, so the S3 encryption rules in
#   policies/encryption/aws agree on what a bucket declares and on when it is
#   still to come.
package planguard.lib.aws_s3

import data.planguard.lib

config_type := "aws_s3_bucket_server_side_encryption_configuration"

# The SSE configuration resources that refer to the bucket's block.
sse_configs(bucket) := [c |
	some ref in object.get(data.planguard.referrers, bucket.config_address, [])
	ref.from_type == config_type
	some c in object.get(_configs_by_address, ref.from, set())
]

_configs_by_address[address] contains c if {
	some c in object.get(data.planguard.resources_by_type, config_type, [])
	address := c.config_address
}

# Every apply_server_side_encryption_by_default block the bucket declares,
# inline or in its SSE configurations.
default_rules(bucket) := array.concat(
	_rules_of(_inline(bucket)),
	[d | some c in sse_configs(bucket); some d in _rules_of([c.after])],
)

_inline(bucket) := object.get(bucket.after, "server_side_encryption_configuration", [])

_rules_of(blocks) := [d |
	some b in blocks
	some rule in object.get(b, "rule", [])
	some d in object.get(rule, "apply_server_side_encryption_by_default", [])
]

# The bucket declares a default encryption: inline, or in a configuration.
declared(bucket) if count(sse_configs(bucket)) > 0

declared(bucket) if {
	not left_out(bucket, "server_side_encryption_configuration")
	count(_inline(bucket)) > 0
}

# The attribute is absent from the bucket's configuration block. In a state,
# which has no configuration, nothing counts as left out.
left_out(r, attribute) if {
	is_object(r.expressions)
	not r.expressions[attribute]
}

# What the bucket declares is not in the plan yet, at `key` of its
# apply_server_side_encryption_by_default blocks (sse_algorithm,
# kms_master_key_id) or above: an inline block the author wrote (the provider
# computes it when left out), or an SSE configuration's rules.
undecided(bucket, _) if {
	lib.is_unknown(bucket, ["server_side_encryption_configuration"])
	not left_out(bucket, "server_side_encryption_configuration")
}

undecided(bucket, key) if {
	some c in sse_configs(bucket)
	_config_undecided(c, key)
}

_config_undecided(c, _) if lib.is_unknown(c, ["rule"])

_config_undecided(c, key) if {
	some i, rule in object.get(c.after, "rule", [])
	some j, _ in object.get(rule, "apply_server_side_encryption_by_default", [])
	lib.pending(c, ["rule", i, "apply_server_side_encryption_by_default", j, key])
}

undecided(bucket, key) if {
	some i, block in _inline(bucket)
	some j, rule in object.get(block, "rule", [])
	some k, _ in object.get(rule, "apply_server_side_encryption_by_default", [])
	lib.pending(bucket, ["server_side_encryption_configuration", i, "rule", j, "apply_server_side_encryption_by_default", k, key])
}

# The resources of `type` that refer to the bucket's block.
referring(bucket, type) := [x |
	some ref in object.get(data.planguard.referrers, bucket.config_address, [])
	ref.from_type == type
	some x in object.get(data.planguard.resources_by_type, type, [])
	x.config_address == ref.from
]
