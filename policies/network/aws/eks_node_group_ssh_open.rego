# METADATA
# title: EKS node group opens SSH to the internet
# description: >-
#   A managed node group with `remote_access` and an SSH key but no
#   `source_security_group_ids` opens port 22 on every node (GPU workers
#   included) to 0.0.0.0/0.
# custom:
#   id: PG-AWS-EKS-103
#   severity: high
#   category: network
#   providers: [aws]
#   resource_types: [aws_eks_node_group]
#   aliases: [CKV_AWS_100]
#   remediation: >-
#     Set `remote_access { source_security_group_ids = [aws_security_group.bastion.id] }`,
#     or drop `remote_access` and use SSM Session Manager.
package planguard.network.aws.eks_node_group_ssh_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_eks_node_group
	some i, ra in object.get(r.after, "remote_access", [])
	key := object.get(ra, "ec2_ssh_key", null)
	lib.non_empty(key)
	not lib.pending(r, ["remote_access", i, "source_security_group_ids"])
	count(object.get(ra, "source_security_group_ids", [])) == 0
	finding := {
		"msg": sprintf("EKS node group %s allows SSH to its nodes from the internet.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("remote_access.%v.source_security_group_ids", [i]),
	}
}
