locals {
  tags = {
    team          = var.team
    "cost-center" = var.cost_center
    env           = "prod"
    "managed-by"  = "terraform"
  }

  gcp_labels = {
    team          = var.team
    "cost-center" = var.cost_center
  }
}

# One customer-managed key for the data lake, the scratch volumes and the metadata database.
resource "aws_kms_key" "data" {
  description             = "${var.name_prefix} data lake, scratch volumes and metadata DB"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = local.tags
}
