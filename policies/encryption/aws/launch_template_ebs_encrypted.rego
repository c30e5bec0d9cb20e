# METADATA
# title: Launch template declares an unencrypted EBS volume
# description: >-
#   Launch templates define the disks of auto-scaled and EKS-managed GPU
#   nodes. A block device mapping with `encrypted = "false"` creates
#   unencrypted volumes on every node it launches unless the account forces
#   encryption by default.
# custom:
#   id: PG-AWS-EC2-102
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_launch_template]
#   aliases: []
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "2.2.1"
#   remediation: Set `encrypted = "true"` in every `block_device_mappings.ebs` block (with `kms_key_id` for a customer-managed key), or leave it unset with EBS encryption by default on.
package planguard.encryption.aws.launch_template_ebs_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_launch_template
	some i, mapping in object.get(r.after, "block_device_mappings", [])
	some j, ebs in object.get(mapping, "ebs", [])
	not lib.is_unknown(r, ["block_device_mappings", i, "ebs", j, "encrypted"])
	explicitly_off(object.get(ebs, "encrypted", null))
	finding := {
		"msg": sprintf("Launch template %s declares an unencrypted EBS volume.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("block_device_mappings.%v.ebs.%v.encrypted", [i, j]),
	}
}

# The provider types this attribute as a string ("true", "false" or "").
explicitly_off(v) if v == "false"

explicitly_off(v) if v == false
