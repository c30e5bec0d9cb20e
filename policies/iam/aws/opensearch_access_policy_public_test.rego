package planguard.iam.aws.opensearch_access_policy_public_test

import data.planguard.iam.aws.opensearch_access_policy_public as policy

open_doc := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "arn:aws:es:us-east-1:111122223333:domain/rag/*"}]})

ip_doc := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttp*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]})

domain(after, unknown) := {
	"address": "aws_opensearch_domain.rag",
	"config_address": "aws_opensearch_domain.rag",
	"type": "aws_opensearch_domain",
	"after": after,
	"unknown_paths": unknown,
}

test_public_domain_with_open_policy_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_opensearch_domain": [domain({"access_policies": open_doc, "vpc_options": []}, [])]}
	some f in findings
	f.resource == "aws_opensearch_domain.rag"
	f.attribute == "access_policies"
}

test_vpc_domain_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_opensearch_domain": [domain({"access_policies": open_doc, "vpc_options": [{"subnet_ids": ["subnet-1"]}]}, [])]}
}

test_ip_condition_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_opensearch_domain": [domain({"access_policies": ip_doc, "vpc_options": []}, [])]}
}

test_separate_policy_resource_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {
		"aws_opensearch_domain": [domain({"vpc_options": []}, ["access_policies"])],
		"aws_opensearch_domain_policy": [{
			"address": "aws_opensearch_domain_policy.rag",
			"config_address": "aws_opensearch_domain_policy.rag",
			"type": "aws_opensearch_domain_policy",
			"after": {"access_policies": open_doc},
			"unknown_paths": [],
		}],
	}
		with data.planguard.references as {"aws_opensearch_domain_policy.rag": [{"attribute": "domain_name", "to": "aws_opensearch_domain.rag"}]}
	count(findings) == 1
	some f in findings
	f.resource == "aws_opensearch_domain_policy.rag"
}

test_unknown_policy_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_opensearch_domain": [domain({"vpc_options": []}, ["access_policies"])]}
}

test_unknown_vpc_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_opensearch_domain": [domain({"access_policies": open_doc}, ["vpc_options"])]}
}

condition_doc(condition) := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttp*", "Resource": "*", "Condition": condition}]})

open_domain(condition) := {"aws_opensearch_domain": [domain({"access_policies": condition_doc(condition), "vpc_options": []}, [])]}

# aws:SecureTransport says how the request is made, not who makes it.
test_secure_transport_condition_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as open_domain({"Bool": {"aws:SecureTransport": "true"}})
	count(findings) == 1
}

test_internet_source_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as open_domain({"IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"]}})
	count(findings) == 1
}

test_negated_org_condition_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as open_domain({"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}})
	count(findings) == 1
}

test_org_condition_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as open_domain({"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})
}
