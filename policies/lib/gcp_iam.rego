# METADATA
# title: planguard helpers over Google Cloud IAM grants
# description: >-
#   The role-member pairs that project, folder and organization IAM resources
#   grant, read once for rules about who gets which role. Part of package
#   planguard.lib. See docs/policy-authoring.md.
package planguard.lib

# The grants of google_<level>_iam_member, _binding and _policy resources at
# `levels` ("project", "folder", "organization"): one object per role and
# member, {"address", "role", "member", "attribute"} (the attribute that holds
# the member). A grant whose role or members are known only after apply is
# left out, so a rule over these never judges what is not decided.
gcp_iam_grants(levels) := (_member_grants(levels) | _binding_grants(levels)) | _policy_grants(levels)

_member_grants(levels) := {grant |
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_member", [level])]
	not any_pending(r, ["role", "member"])
	grant := {"address": r.address, "role": r.after.role, "member": r.after.member, "attribute": "member"}
}

_binding_grants(levels) := {grant |
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_binding", [level])]
	not any_pending(r, ["role", "members"])
	some member in object.get(r.after, "members", [])
	grant := {"address": r.address, "role": r.after.role, "member": member, "attribute": "members"}
}

_policy_grants(levels) := {grant |
	some level in levels
	some r in data.planguard.resources_by_type[sprintf("google_%s_iam_policy", [level])]
	not is_unknown(r, ["policy_data"])
	is_string(r.after.policy_data)
	some binding in object.get(json.unmarshal(r.after.policy_data), "bindings", [])
	some member in object.get(binding, "members", [])
	grant := {"address": r.address, "role": binding.role, "member": member, "attribute": "policy_data"}
}

# The Compute Engine and App Engine default service accounts, in any form
# (serviceAccount:123-compute@developer.gserviceaccount.com, or the bare email).
gcp_default_service_account(member) if {
	is_string(member)
	some suffix in ["-compute@developer.gserviceaccount.com", "@appspot.gserviceaccount.com"]
	endswith(member, suffix)
}
