package planguard.network.gcp.firewall_ml_ports_open_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.firewall_ml_ports_open as policy

fw := "google_compute_firewall.notebooks"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(fw, after, unknown_paths)
}

rule(ports, sources) := {"direction": "INGRESS", "disabled": false, "source_ranges": sources, "allow": [{"protocol": "tcp", "ports": ports}]}

test_notebook_and_database_ports_from_the_internet_are_denied if {
	t.assert_denied(findings(rule(["8888"], ["0.0.0.0/0"]), []), fw, "allow.0.ports")
	t.assert_denied(findings(rule(["3306", "6006"], ["0.0.0.0/1", "128.0.0.0/1"]), []), fw, "allow.0.ports")
	t.assert_denied(findings(rule(["7000-8000"], ["0.0.0.0/0"]), []), fw, "allow.0.ports")
}

test_message_names_the_services if {
	some f in findings(rule(["8888", "5432"], ["0.0.0.0/0"]), [])
	f.msg == "Firewall rule google_compute_firewall.notebooks exposes Jupyter (8888), PostgreSQL (5432) to the internet."
}

test_private_sources_and_harmless_ports_pass if {
	t.assert_passes(findings(rule(["8888"], ["10.0.0.0/8"]), []), fw)
	t.assert_passes(findings(rule(["443"], ["0.0.0.0/0"]), []), fw)
	t.assert_passes(findings(json.patch(rule(["8888"], ["0.0.0.0/0"]), [{"op": "replace", "path": "/direction", "value": "EGRESS"}]), []), fw)
	t.assert_passes(findings(json.patch(rule(["8888"], ["0.0.0.0/0"]), [{"op": "replace", "path": "/disabled", "value": true}]), []), fw)
}

# Administrative ports and all-ports rules are PG-GCP-NET-001's.
test_admin_and_all_ports_are_left_to_net_001 if {
	t.assert_passes(findings(rule(["22", "8888"], ["0.0.0.0/0"]), []), fw)
	t.assert_passes(findings(rule([], ["0.0.0.0/0"]), []), fw)
}

test_sources_known_after_apply_are_not_judged if {
	t.assert_passes(findings({"direction": "INGRESS", "allow": [{"protocol": "tcp", "ports": ["8888"]}]}, ["source_ranges"]), fw)
}

test_rule_without_source_ranges_passes if {
	t.assert_passes(findings({"direction": "INGRESS", "source_ranges": null, "source_tags": ["web"], "allow": [{"protocol": "tcp", "ports": ["8888"]}]}, []), fw)
}

# Checkov's CKV_GCP_88 is named where MySQL's 3306 is listed with 0.0.0.0/0 written
# out; other ports and ranges that add up to the internet fail without it.
test_checkov_mysql_id_only_where_checkov_fails if {
	some mysql in findings(rule(["3300-3310"], ["10.0.0.0/8", "0.0.0.0/0"]), [])
	mysql.aliases == ["CKV_GCP_88"]
	some halves in findings(rule(["3306"], ["0.0.0.0/1", "128.0.0.0/1"]), [])
	halves.aliases == []
	some notebook in findings(rule(["8888"], ["0.0.0.0/0"]), [])
	notebook.aliases == []
}

# Checkov also fails 3306 over UDP: MySQL listens on TCP only.
test_mysql_port_over_udp_passes if {
	t.assert_passes(findings({"direction": "INGRESS", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["3306"]}]}, []), fw)
}
