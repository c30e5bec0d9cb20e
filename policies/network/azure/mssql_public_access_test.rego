package planguard.network.azure.mssql_public_access_test

import data.planguard.network.azure.mssql_public_access as policy
import data.planguard.lib.test as t

address := "azurerm_mssql_server.features"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"public_network_access_enabled": true}, []), address, "public_network_access_enabled")

test_other_spelling_is_denied if t.assert_denied(findings({"public_network_access_enabled": true}, []), address, "public_network_access_enabled")

test_good_value_passes if t.assert_passes(findings({"public_network_access_enabled": false}, []), address)

test_default_is_denied if t.assert_denied(findings({"name": "x"}, []), address, "public_network_access_enabled")

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["public_network_access_enabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "public_network_access_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"public_network_access_enabled": true}, []), address) with data.planguard.references as refs
}

test_finding_names_the_checkov_check_on_mssql_server if {
	some f in findings({"name": "x"}, [])
	f.aliases == ["CKV_AZURE_113"]
}

legacy := "azurerm_sql_server.features"

# azurerm_sql_server has no public_network_access_enabled: every one is
# reachable through its public endpoint (Trivy's AVD-AZU-0022 fails it too),
# whatever else is known only after apply.
test_legacy_server_is_denied if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(legacy, {"name": "x", "version": "12.0"}, ["id", "fully_qualified_domain_name"])
	t.assert_denied(found, legacy, "id")
	some f in found
	not f.aliases
}
