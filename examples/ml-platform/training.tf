# GOOD: scratch space for checkpoints, encrypted with the platform key.
resource "aws_ebs_volume" "scratch_encrypted" {
  availability_zone = var.availability_zone
  size              = 500
  type              = "gp3"
  encrypted         = true
  kms_key_id        = aws_kms_key.data.arn
  tags              = merge(local.tags, { Name = "${var.name_prefix}-scratch-a" })
}

# BAD: "temporary" scratch volume created without encryption.
resource "aws_ebs_volume" "scratch_legacy" {
  availability_zone = var.availability_zone
  size              = 200
  type              = "gp3"
  encrypted         = false
  tags              = merge(local.tags, { Name = "${var.name_prefix}-scratch-b" })
}

# GPU pools: train = 3 x p4d.24xlarge (24 A100) and eval = 1 x g5.12xlarge (4 A10G).
# Together with the notebook and the GCP VMs that is 31 GPUs against a quota of 16,
# and the eval pool has no cost-center tag (see terraform.tfvars).
module "gpu_pool" {
  source   = "./modules/gpu-pool"
  for_each = var.gpu_pools

  name               = "${var.name_prefix}-${each.key}"
  instance_type      = each.value.instance_type
  node_count         = each.value.node_count
  ami_id             = var.dlami_id
  subnet_id          = var.private_subnet_ids[0]
  security_group_ids = [aws_security_group.training_ssh.id]
  tags               = merge({ pool = each.key }, each.value.tags)
}

# The old K80 trainer (aws_instance.legacy_k80_trainer, p2.xlarge) was removed from this
# file: the plan destroys it, and a resource being destroyed is not judged.
