# METADATA
# title: S3 bucket is not encrypted with a customer-managed KMS key
# description: >-
#   Unless the bucket's default encryption names a customer-managed key
#   (`kms_master_key_id`), objects are encrypted with SSE-S3 or with the
#   AWS-managed key aws/s3, whose key policy you cannot change: every
#   principal the bucket policy lets read an object can decrypt it, and the
#   data cannot be shared across accounts or cut off by disabling the key.
#   Training data and model artefacts should name a key you control.
#   Server access log destination buckets are not reported: S3 log delivery
#   does not support SSE-KMS (a bucket with the log-delivery-write ACL, a
#   LogDelivery group grant, or a bucket policy letting
#   logging.s3.amazonaws.com put objects).
# custom:
#   id: PG-AWS-S3-106
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_s3_bucket]
#   aliases: [AVD-AWS-0132]
#   related: [CKV2_AWS_67]
#   remediation: >-
#     Add an `aws_s3_bucket_server_side_encryption_configuration` with
#     `bucket = aws_s3_bucket.<name>.id` and `rule {
#     apply_server_side_encryption_by_default { sse_algorithm = "aws:kms",
#     kms_master_key_id = aws_kms_key.<name>.arn } }` (a key with rotation on).
package planguard.encryption.aws.s3_bucket_customer_key

import data.planguard.lib.aws_s3

log_delivery := "http://acs.amazonaws.com/groups/s3/LogDelivery"

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_s3_bucket
	not customer_key(r)
	not aws_s3.undecided(r, "kms_master_key_id")
	not log_bucket(r)
	finding := {
		"msg": sprintf("S3 bucket %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "server_side_encryption_configuration",
	}
}

customer_key(r) if {
	some d in aws_s3.default_rules(r)
	k := object.get(d, "kms_master_key_id", null)
	is_string(k)
	k != ""
	not endswith(k, "alias/aws/s3")
}

acl_holders(r) := array.concat([r.after], [a.after | some a in aws_s3.referring(r, "aws_s3_bucket_acl")])

log_bucket(r) if {
	some holder in acl_holders(r)
	lower(object.get(holder, "acl", "")) == "log-delivery-write"
}

# A grant to the LogDelivery group that lets it write: inline `grant` blocks
# or an aws_s3_bucket_acl's access_control_policy.
log_bucket(r) if {
	some g in object.get(r.after, "grant", [])
	object.get(g, "uri", "") == log_delivery
	some p in object.get(g, "permissions", [])
	p in {"WRITE", "FULL_CONTROL"}
}

log_bucket(r) if {
	some a in aws_s3.referring(r, "aws_s3_bucket_acl")
	some policy in object.get(a.after, "access_control_policy", [])
	some g in object.get(policy, "grant", [])
	g.permission in {"WRITE", "FULL_CONTROL"}
	some grantee in object.get(g, "grantee", [])
	object.get(grantee, "uri", "") == log_delivery
}

# A bucket policy (inline or aws_s3_bucket_policy) letting the logging service
# put objects.
log_bucket(r) if {
	some text in policy_texts(r)
	is_string(text)
	json.is_valid(text)
	some s in statements(json.unmarshal(text))
	lower(object.get(s, "Effect", "")) == "allow"
	"logging.s3.amazonaws.com" in as_list(object.get(object.get(s, "Principal", {}), "Service", []))
	some action in as_list(object.get(s, "Action", []))
	lower(action) == "s3:putobject"
}

policy_texts(r) := array.concat([object.get(r.after, "policy", null)], [p.after.policy | some p in aws_s3.referring(r, "aws_s3_bucket_policy")])

statements(doc) := as_list(object.get(doc, "Statement", []))

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)
