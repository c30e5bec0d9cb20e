# METADATA
# title: EKS API endpoint is reachable from the internet
# description: >-
#   With the public endpoint on (the provider's default), the cluster's
#   Kubernetes API answers on the internet, limited at best by
#   public_access_cidrs. A training or serving cluster is administered from
#   inside the VPC (private endpoint, VPN, bastion or SSM) and needs no
#   public API. PG-AWS-EKS-102 reports the worse case of a public endpoint
#   open to every address.
# custom:
#   id: PG-AWS-EKS-104
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_eks_cluster]
#   aliases: [CKV_AWS_39, AVD-AWS-0040]
#   defaults:
#     - aws_eks_cluster vpc_config.endpoint_public_access
#   remediation: >-
#     Set `vpc_config { endpoint_public_access = false, endpoint_private_access
#     = true }` and reach the API from inside the VPC.
package planguard.network.aws.eks_public_endpoint_enabled

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_eks_cluster
	some i, _ in object.get(r.after, "vpc_config", [])
	path := ["vpc_config", i, "endpoint_public_access"]
	lib.effective(r, path) != false
	finding := {
		"msg": sprintf("EKS cluster %s has a public API endpoint%s.", [r.address, left_out(r, path)]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

left_out(r, path) := " (`endpoint_public_access` is left out: the provider's default is true)" if {
	lib.provider_default(r, path)
} else := ""
