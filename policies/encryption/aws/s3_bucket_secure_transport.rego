# METADATA
# title: S3 bucket policy does not deny requests without TLS
# description: >-
#   S3 accepts plain-HTTP requests unless the bucket policy denies them with
#   a condition on aws:SecureTransport. Dataset and model buckets read by
#   scripts and third-party tools should refuse unencrypted transport. A
#   bucket is reported when no aws_s3_bucket_policy in the plan refers to it,
#   or when every policy that does is known and none denies insecure
#   transport.
# custom:
#   id: PG-AWS-S3-103
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_s3_bucket]
#   aliases: []
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "2.1.1"
#   remediation: >-
#     Add an aws_s3_bucket_policy with a statement that denies `s3:*` on the
#     bucket and its objects to Principal "*" when `aws:SecureTransport` is
#     "false".
package planguard.encryption.aws.s3_bucket_secure_transport

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_s3_bucket
	not settled(r.config_address)
	finding := {
		"msg": sprintf("S3 bucket %s does not deny requests made without TLS.", [r.address]),
		"resource": r.address,
		"attribute": "bucket",
	}
}

# The bucket block's policies deny plain HTTP, or cannot be judged until
# apply. Decided once per bucket block (count and for_each instances share it).
settled(address) if undecided(policies_of(address))

settled(address) if any_denies_http(policies_of(address))

# The aws_s3_bucket_policy blocks that refer to the bucket block at `address`
# (as lib.referrers_of_type finds them), looked up in an index built once.
policies_of(address) := [p |
	some ref in data.planguard.referrers[address]
	ref.from_type == "aws_s3_bucket_policy"
	some p in object.get(policies_by_config_address, ref.from, set())
]

# Every aws_s3_bucket_policy, by its configuration address.
policies_by_config_address[address] contains p if {
	some p in object.get(data.planguard.resources_by_type, "aws_s3_bucket_policy", [])
	address := p.config_address
}

undecided(policies) if {
	some p in policies
	lib.is_unknown(p, ["policy"])
}

any_denies_http(policies) if {
	some p in policies
	doc := json.unmarshal(p.after.policy)
	some s in statements(doc)
	s.Effect == "Deny"
	some operator in ["Bool", "BoolIfExists"]
	insecure(s.Condition[operator]["aws:SecureTransport"])
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

insecure(v) if insecure_value(v)

# A condition value may be a list of values; Rego forbids recursion, so one level is unrolled.
insecure(v) if {
	is_array(v)
	some x in v
	insecure_value(x)
}

insecure_value(v) if v == "false"

insecure_value(v) if v == false
