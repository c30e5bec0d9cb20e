# METADATA
# title: Security group exposes an ML or data service port to the internet
# description: >-
#   Jupyter (8888), TensorBoard (6006), the Ray dashboard and client (8265,
#   10001), Redis (6379), MLflow (5000), Dask (8786, 8787), Spark (7077,
#   4040), Ollama (11434), OpenSearch (9200) and database ports (5432, 3306,
#   27017) usually run without authentication or with weak defaults; open to
#   0.0.0.0/0 they give remote code execution on GPU nodes or direct access
#   to data. Ranges that also cover SSH, RDP or every port are left to
#   PG-AWS-NET-001.
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

ml_ports := [
	{"port": 8888, "name": "Jupyter"}, {"port": 6006, "name": "TensorBoard"},
	{"port": 8265, "name": "Ray dashboard"}, {"port": 10001, "name": "Ray client"},
	{"port": 6379, "name": "Redis"}, {"port": 5000, "name": "MLflow"},
	{"port": 8786, "name": "Dask scheduler"}, {"port": 8787, "name": "Dask dashboard"},
	{"port": 7077, "name": "Spark master"}, {"port": 4040, "name": "Spark UI"},
	{"port": 11434, "name": "Ollama"}, {"port": 9200, "name": "OpenSearch"},
	{"port": 5432, "name": "PostgreSQL"}, {"port": 3306, "name": "MySQL"},
	{"port": 27017, "name": "MongoDB"},
]

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
	lib.world_cidr(object.get(r.after, attribute, null))
	names := exposed(object.get(r.after, "ip_protocol", null), object.get(r.after, "from_port", null), object.get(r.after, "to_port", null))
	count(names) > 0
	finding := {
		"msg": sprintf("Security group rule %s exposes %s to the internet.", [r.address, concat(", ", sort(names))]),
		"resource": r.address,
		"attribute": attribute,
	}
}

world(cidrs) if {
	some c in cidrs
	lib.world_cidr(c)
}

# The ML service names in a TCP port range that PG-AWS-NET-001 does not already report.
exposed(protocol, from, to) := {sprintf("%s (%v)", [svc.name, svc.port]) |
	protocol in {"tcp", "6", 6}
	is_number(from)
	is_number(to)
	not admin_range(from, to)
	some svc in ml_ports
	from <= svc.port
	svc.port <= to
}

admin_range(from, to) if {
	some port in [22, 3389]
	from <= port
	port <= to
}

admin_range(from, to) if {
	from <= 0
	to >= 65535
}

list(obj, k) := v if {
	v := obj[k]
	is_array(v)
} else := []
