# METADATA
# title: EKS API endpoint is open to the whole internet
# description: >-
#   A cluster whose public API endpoint accepts 0.0.0.0/0 exposes the
#   Kubernetes API of the training or serving cluster to every scanner and to
#   anyone holding a leaked kubeconfig or token.
# custom:
#   id: PG-AWS-EKS-102
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_eks_cluster]
#   aliases: [CKV_AWS_38, AVD-AWS-0041]
#   defaults:
#     - aws_eks_cluster vpc_config.endpoint_public_access
#     - aws_eks_cluster vpc_config.public_access_cidrs
#   remediation: >-
#     Set `vpc_config { endpoint_public_access = false, endpoint_private_access
#     = true }`, or list your office or VPN ranges in `public_access_cidrs`.
package planguard.network.aws.eks_public_endpoint_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_eks_cluster
	some i, _ in object.get(r.after, "vpc_config", [])
	lib.effective(r, ["vpc_config", i, "endpoint_public_access"]) != false
	# Left out, public_access_cidrs is the provider's default: 0.0.0.0/0.
	cidrs := lib.effective(r, ["vpc_config", i, "public_access_cidrs"])
	world := lib.internet_ranges(array_of(cidrs))
	finding := {
		"msg": sprintf("EKS cluster %s accepts API connections from the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": sprintf("vpc_config.%v.public_access_cidrs", [i]),
	}
}

array_of(v) := v if is_array(v)

array_of(v) := [x | some x in v] if is_set(v)

array_of(null) := []
