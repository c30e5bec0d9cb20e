# METADATA
# title: Security group exposes an ML or data service port to the internet
# description: >-
#   Notebooks and dashboards (Jupyter 8888, TensorBoard 6006, Ray 8265 and
#   10001, Dask, Spark), model servers (MLflow 5000, Ollama 11434, TensorFlow
#   Serving, Triton, Gradio), caches, search engines, message queues and
#   databases (the sensitive-port list, src/rules/sensitive-ports.json)
#   usually run without authentication or with weak defaults; open to the
#   internet they give remote code execution on GPU nodes or direct access
#   to data. A port range counts as every port it includes. Ranges that also
#   cover an administrative port or every port are left to PG-AWS-NET-001.
# custom:
#   id: PG-AWS-NET-107
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   aliases: []
#   remediation: >-
#     Reach these services through a VPN, SSM port forwarding or an
#     authenticating proxy or load balancer; allow ingress only from known
#     ranges or security groups.
package planguard.network.aws.security_group_ml_ports_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_security_group
	some i, b in object.get(r.after, "ingress", [])
	names := exposed(object.get(b, "protocol", null), object.get(b, "from_port", null), object.get(b, "to_port", null))
	count(names) > 0
	world(array.concat(list(b, "cidr_blocks"), list(b, "ipv6_cidr_blocks")))
	not lib.is_unknown(r, ["ingress"])
	finding := {
		"msg": sprintf("Security group %s exposes %s to the internet.", [r.address, concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": sprintf("ingress.%v", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_security_group_rule
	r.after.type == "ingress"
	names := exposed(object.get(r.after, "protocol", null), object.get(r.after, "from_port", null), object.get(r.after, "to_port", null))
	count(names) > 0
	world(array.concat(list(r.after, "cidr_blocks"), list(r.after, "ipv6_cidr_blocks")))
	finding := {
		"msg": sprintf("Security group rule %s exposes %s to the internet.", [r.address, concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": "cidr_blocks",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_vpc_security_group_ingress_rule
	some attribute in ["cidr_ipv4", "cidr_ipv6"]
	lib.open_to_internet([object.get(r.after, attribute, null)])
	names := exposed(object.get(r.after, "ip_protocol", null), object.get(r.after, "from_port", null), object.get(r.after, "to_port", null))
	count(names) > 0
	finding := {
		"msg": sprintf("Security group rule %s exposes %s to the internet.", [r.address, concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": attribute,
	}
}

world(cidrs) if lib.open_to_internet(cidrs)

# The sensitive services (every kind but admin) in a TCP port range that
# PG-AWS-NET-001 does not already report.
exposed(protocol, from, to) := {name |
	protocol in {"tcp", "6", 6}
	is_number(from)
	is_number(to)
	not admin_range(from, to)
	some name in lib.sensitive_ports(from, to)
	not name in lib.sensitive_ports_of_kind(from, to, "admin")
}

admin_range(from, to) if count(lib.sensitive_ports_of_kind(from, to, "admin")) > 0

admin_range(from, to) if {
	from <= 0
	to >= 65535
}

list(obj, k) := v if {
	v := obj[k]
	is_array(v)
} else := []
