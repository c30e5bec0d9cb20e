package planguard.encryption.aws.s3_bucket_secure_transport_test

import data.planguard.encryption.aws.s3_bucket_secure_transport as policy

bucket := {
	"address": "aws_s3_bucket.datasets",
	"config_address": "aws_s3_bucket.datasets",
	"type": "aws_s3_bucket",
	"after": {"bucket": "ml-datasets"},
	"unknown_paths": ["arn", "id"],
}

tls_only := json.marshal({"Version": "2012-10-17", "Statement": [{
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::ml-datasets", "arn:aws:s3:::ml-datasets/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}]})

read_only := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/trainer"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-datasets/*"}]})

bucket_policy(doc, unknown) := {
	"address": "aws_s3_bucket_policy.datasets",
	"config_address": "aws_s3_bucket_policy.datasets",
	"type": "aws_s3_bucket_policy",
	"after": {"policy": doc},
	"unknown_paths": unknown,
}

referrers := {"aws_s3_bucket.datasets": [{"attribute": "bucket", "from": "aws_s3_bucket_policy.datasets", "from_type": "aws_s3_bucket_policy"}]}

test_bucket_without_policy_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket]}
	some f in findings
	f.resource == "aws_s3_bucket.datasets"
	f.attribute == "bucket"
}

test_policy_without_tls_deny_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket], "aws_s3_bucket_policy": [bucket_policy(read_only, [])]}
		with data.planguard.referrers as referrers
}

test_tls_only_policy_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket], "aws_s3_bucket_policy": [bucket_policy(tls_only, [])]}
		with data.planguard.referrers as referrers
}

test_unknown_policy_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket], "aws_s3_bucket_policy": [bucket_policy(null, ["policy"])]}
		with data.planguard.referrers as referrers
}
