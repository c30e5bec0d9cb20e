package planguard.network.gcp.firewall_all_ports_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.firewall_all_ports as policy

fw := "google_compute_firewall.internal"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(fw, after, unknown_paths)
}

test_every_port_is_denied if {
	t.assert_denied(findings({"allow": [{"protocol": "all", "ports": []}], "source_ranges": ["10.0.0.0/8"]}, []), fw, "allow.0")
	t.assert_denied(findings({"allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": []}], "direction": "EGRESS"}, []), fw, "allow.1")
	t.assert_denied(findings({"allow": [{"protocol": "udp", "ports": ["53", "0-65535"]}]}, []), fw, "allow.0")
}

# Left out, ports means every port of the protocol.
test_ports_left_out_are_denied if {
	t.assert_denied(findings({"allow": [{"protocol": "tcp"}]}, []), fw, "allow.0")
}

test_listed_ports_and_disabled_rules_pass if {
	t.assert_passes(findings({"allow": [{"protocol": "tcp", "ports": ["443", "8000-8100"]}, {"protocol": "icmp", "ports": []}]}, []), fw)
	t.assert_passes(findings({"allow": [{"protocol": "all"}], "disabled": true}, []), fw)
}

test_values_known_after_apply_are_not_judged if {
	t.assert_passes(findings({}, ["allow"]), fw)
	t.assert_passes(findings({"allow": [{"protocol": "all"}]}, ["disabled"]), fw)
}

# Trivy's AVD-GCP-0072 raises only the protocol "all".
test_trivy_id_only_on_protocol_all if {
	found := findings({"allow": [{"protocol": "all"}, {"protocol": "tcp", "ports": []}]}, [])
	{[f.attribute, f.aliases] | some f in found} == {["allow.0", ["AVD-GCP-0072"]], ["allow.1", []]}
}
