# METADATA
# title: Load balancer listener allows TLS 1.0 or 1.1
# description: >-
#   An HTTPS or TLS listener whose `ssl_policy` still offers TLS 1.0 or 1.1
#   (ELBSecurityPolicy-2016-08, the old provider default, among them) lets
#   clients of an inference API negotiate deprecated protocols and ciphers.
# custom:
#   id: PG-AWS-NET-106
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   aliases: [CKV_AWS_103, AVD-AWS-0047]
#   remediation: >-
#     Set `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (or another
#     policy with a TLS 1.2 minimum).
package planguard.network.aws.lb_listener_tls_policy

import data.planguard.lib

deny contains finding if {
	some t in ["aws_lb_listener", "aws_alb_listener"]
	some r in data.planguard.resources_by_type[t]
	object.get(r.after, "protocol", "") in {"HTTPS", "TLS"}
	not lib.is_unknown(r, ["ssl_policy"])
	p := r.after.ssl_policy
	is_string(p)
	outdated(p)
	finding := {
		"msg": sprintf("Listener %s allows TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": "ssl_policy",
	}
}

outdated(p) if regex.match(`^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-|TLS-1-1-|FS-2018-06|FS-1-1-|TLS13-1-0-|TLS13-1-1-)`, p)
