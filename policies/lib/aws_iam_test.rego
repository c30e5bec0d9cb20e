package planguard.lib.aws_iam_test

import data.planguard.lib.aws_iam

# The full table, shared with the TypeScript helper, is in
# test/policy/iam-condition-parity.test.ts; these are the cases a policy
# author reading this module looks for.

test_caller_binding_keys_narrow if {
	aws_iam.narrows_caller({"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})
	aws_iam.narrows_caller({"StringEquals": {"AWS:principalaccount": "111122223333"}})
	aws_iam.narrows_caller({"StringEquals": {"aws:SourceAccount": 111122223333}})
	aws_iam.narrows_caller({"ArnLike": {"aws:SourceArn": "arn:aws:s3:::ml-uploads"}})
	aws_iam.narrows_caller({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}})
	aws_iam.narrows_caller({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-abc/r-1/ou-2/*"}})
	aws_iam.narrows_caller({"StringLike": {"aws:userid": "AROAEXAMPLEID:*"}})
	aws_iam.narrows_caller({"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:SourceVpce": "vpce-1"}})
}

test_request_keys_do_not_narrow if {
	not aws_iam.narrows_caller({"Bool": {"aws:SecureTransport": "true"}})
	not aws_iam.narrows_caller({"StringEquals": {"aws:RequestedRegion": "us-east-1"}})
	not aws_iam.narrows_caller({"StringEquals": {"sts:ExternalId": "vendor-42"}})
	not aws_iam.narrows_caller(null)
}

test_negated_if_exists_and_for_all_values_do_not_narrow if {
	not aws_iam.narrows_caller({"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}})
	not aws_iam.narrows_caller({"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}})
	not aws_iam.narrows_caller({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})
}

test_wildcards_that_admit_any_account_do_not_narrow if {
	not aws_iam.narrows_caller({"StringLike": {"aws:PrincipalOrgID": "*"}})
	not aws_iam.narrows_caller({"StringLike": {"aws:SourceAccount": ["111122223333", "*"]}})
	not aws_iam.narrows_caller({"ArnLike": {"aws:SourceArn": "arn:aws:sns:us-east-1:*:topic"}})
	not aws_iam.narrows_caller({"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}})
	# Compared literally, "*" is one (odd) organization id.
	aws_iam.narrows_caller({"StringEquals": {"aws:PrincipalOrgID": "*"}})
}

test_source_ip_is_judged_against_the_internet_threshold if {
	aws_iam.narrows_caller({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"]}})
	not aws_iam.narrows_caller({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}})
	not aws_iam.narrows_caller({"IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "203.0.113.0/24"]}})
	aws_iam.narrows_caller({"IpAddress": {"aws:SourceIp": "100.0.0.0/9"}})
	not aws_iam.narrows_caller({"IpAddress": {"aws:SourceIp": "100.0.0.0/9"}}) with data.planguard.config.network as {"internet_ipv4_prefix": 12}
}

test_public_statement if {
	aws_iam.public_statement({"Effect": "Allow", "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	aws_iam.public_statement({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}})
	not aws_iam.public_statement({"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	not aws_iam.public_statement({"Effect": "Deny", "Principal": "*"})
	not aws_iam.public_statement({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}})
	not aws_iam.public_statement({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}})
}

# Every principal but the ones named: public unless a Condition narrows it.
test_not_principal_is_public if {
	aws_iam.public_statement({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}})
	not aws_iam.public_statement({"Effect": "Allow", "NotPrincipal": {"AWS": "x"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	not aws_iam.public_statement({"Effect": "Allow", "Principal": {"AWS": "x"}, "NotPrincipal": {"AWS": "y"}})
}

# AWS rejects a statement without Effect; read cautiously, as the TypeScript rules do.
test_missing_effect_reads_as_allow if {
	aws_iam.public_statement({"Principal": "*"})
}
