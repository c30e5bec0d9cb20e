package planguard.network.gcp.firewall_http_open_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.firewall_http_open as policy

fw := "google_compute_firewall.web"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(fw, after, unknown_paths)
}

rule(ports, sources) := {"direction": "INGRESS", "disabled": false, "source_ranges": sources, "allow": [{"protocol": "tcp", "ports": ports}]}

test_http_port_from_the_internet_are_denied if {
	t.assert_denied(findings(rule(["80"], ["0.0.0.0/0"]), []), fw, "allow.0.ports")
	t.assert_denied(findings(rule(["80"], ["::/0"]), []), fw, "allow.0.ports")
	t.assert_denied(findings(rule(["1-1000"], ["0.0.0.0/1", "128.0.0.0/1"]), []), fw, "allow.0.ports")
}

test_message_names_the_ports if {
	some f in findings(rule(["79-81"], ["0.0.0.0/0"]), [])
	f.msg == "Firewall rule google_compute_firewall.web opens HTTP (80) to the internet."
}

test_private_sources_other_ports_and_inactive_rules_pass if {
	t.assert_passes(findings(rule(["80"], ["10.0.0.0/8"]), []), fw)
	t.assert_passes(findings(rule(["81-443"], ["0.0.0.0/0"]), []), fw)
	t.assert_passes(findings(json.patch(rule(["80"], ["0.0.0.0/0"]), [{"op": "replace", "path": "/direction", "value": "EGRESS"}]), []), fw)
	t.assert_passes(findings(json.patch(rule(["80"], ["0.0.0.0/0"]), [{"op": "replace", "path": "/disabled", "value": true}]), []), fw)
}

# Like Checkov, an allow block without ports (every port) is not judged here.
test_allow_without_ports_passes if {
	t.assert_passes(findings(rule([], ["0.0.0.0/0"]), []), fw)
}

test_sources_known_after_apply_are_not_judged if {
	t.assert_passes(findings({"direction": "INGRESS", "allow": [{"protocol": "tcp", "ports": ["80"]}]}, ["source_ranges"]), fw)
}

# Absent direction defaults to INGRESS; absent source_ranges means no CIDR source.
test_absent_attributes_take_the_provider_defaults if {
	t.assert_denied(findings({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80"]}]}, []), fw, "allow.0.ports")
	t.assert_passes(findings({"direction": "INGRESS", "source_ranges": null, "source_tags": ["web"], "allow": [{"protocol": "tcp", "ports": ["80"]}]}, []), fw)
}
