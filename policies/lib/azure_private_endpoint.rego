# METADATA
# title: planguard helpers for Azure private endpoints
# description: >-
#   Whether a resource is the target of an azurerm_private_endpoint of the
#   same configuration, and when that cannot be told before apply. Shared by
#   the private endpoint rules in policies/network/azure.
package planguard.lib.azure_private_endpoint

import data.planguard.lib

# Where an endpoint names the resource it connects to.
connection_attribute := "private_service_connection.private_connection_resource_id"

# A private endpoint block of the configuration refers to r in its
# connection's resource id (private_connection_resource_id =
# azurerm_storage_account.x.id), directly or through module inputs and
# outputs. Read from the configuration, so it holds while the id is unknown
# until apply.
connected(r) if {
	some ref in object.get(data.planguard.referrers, r.config_address, [])
	ref.from_type == "azurerm_private_endpoint"
	ref.attribute == connection_attribute
}

# Or r already exists (its id is known) and a planned endpoint names that id
# as a literal or a variable. Azure resource ids compare without case.
connected(r) if {
	id := object.get(r.after, "id", null)
	is_string(id)
	lower(id) in known_targets
}

# The resource ids the plan's endpoints name, known before apply.
known_targets contains lower(id) if {
	some e in object.get(data.planguard.resources_by_type, "azurerm_private_endpoint", [])
	some i, c in object.get(e.after, "private_service_connection", [])
	not lib.is_unknown(e, ["private_service_connection", i, "private_connection_resource_id"])
	id := object.get(c, "private_connection_resource_id", null)
	is_string(id)
}

# The subresource names (lower case) of the plan's endpoints whose target
# cannot be told before apply: the resource id is unknown until apply and
# the configuration does not say what it refers to (an expression through a
# local value, a plan without configuration). "*" when the subresource
# names are unknown too: such an endpoint may serve any resource.
unresolved_subresources contains name if {
	some e in object.get(data.planguard.resources_by_type, "azurerm_private_endpoint", [])
	not resolved(e)
	some name in open_connections(e)
}

# The configuration says what the endpoint's connection refers to.
resolved(e) if {
	some ref in object.get(data.planguard.references, e.config_address, [])
	ref.attribute == connection_attribute
}

# The subresource names of the endpoint's connections whose resource id is
# unknown until apply.
open_connections(e) := {"*"} if {
	lib.is_unknown(e, ["private_service_connection"])
} else := {name |
	some i, c in object.get(e.after, "private_service_connection", [])
	lib.is_unknown(e, ["private_service_connection", i, "private_connection_resource_id"])
	some name in subresources(e, i, c)
}

subresources(e, i, c) := {"*"} if {
	lib.is_unknown(e, ["private_service_connection", i, "subresource_names"])
} else := names if {
	names := {lower(n) | some n in object.get(c, "subresource_names", []); is_string(n)}
	count(names) > 0
} else := {"*"}

# Whether r has a private endpoint cannot be told before apply: no endpoint
# is known to connect to it, and one whose target is unknown until apply
# may serve one of `subresource_names` (lower case: "blob", "vault", ...).
undecided(r, subresource_names) if {
	not connected(r)
	some name in unresolved_subresources
	may_serve(name, subresource_names)
}

may_serve("*", _) := true

may_serve(name, subresource_names) if name in subresource_names
