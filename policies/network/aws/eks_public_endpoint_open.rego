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
#   remediation: >-
#     Set `vpc_config { endpoint_public_access = false, endpoint_private_access
#     = true }`, or list your office or VPN ranges in `public_access_cidrs`.
package planguard.network.aws.eks_public_endpoint_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_eks_cluster
	some i, vpc in object.get(r.after, "vpc_config", [])
	not lib.is_unknown(r, ["vpc_config", i, "endpoint_public_access"])
	object.get(vpc, "endpoint_public_access", true) != false
	not lib.is_unknown(r, ["vpc_config", i, "public_access_cidrs"])
	some c in object.get(vpc, "public_access_cidrs", [])
	lib.world_cidr(c)
	finding := {
		"msg": sprintf("EKS cluster %s accepts API connections from the whole internet.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("vpc_config.%v.public_access_cidrs", [i]),
	}
}
