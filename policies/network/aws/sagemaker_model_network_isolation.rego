# METADATA
# title: SageMaker model container is not network-isolated
# description: >-
#   Without `enable_network_isolation`, a model container (often a
#   third-party or marketplace image) can open outbound connections while it
#   serves requests and processes payloads. Isolation blocks all of its
#   network calls; SageMaker still fetches the artifacts for it. Containers
#   that must call other services at inference time cannot use it, so this is
#   reported at low severity.
# custom:
#   id: PG-AWS-SAGEMAKER-108
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_sagemaker_model]
#   aliases: [CKV_AWS_370]
#   remediation: Set `enable_network_isolation = true` when the container needs no network access at inference time.
package planguard.network.aws.sagemaker_model_network_isolation

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sagemaker_model
	not lib.is_unknown(r, ["enable_network_isolation"])
	not lib.is_true(r, ["enable_network_isolation"])
	finding := {
		"msg": sprintf("SageMaker model %s can open network connections from its container.", [r.address]),
		"resource": r.address,
		"attribute": "enable_network_isolation",
	}
}
