vpc_id             = "vpc-0a1b2c3d4e5f60718"
private_subnet_ids = ["subnet-0f1e2d3c4b5a69788", "subnet-0a9b8c7d6e5f40312"]
dlami_id           = "ami-0f3a9e1c2b7d45e60"

gpu_pools = {
  train = {
    instance_type = "p4d.24xlarge" # 8 x A100 each
    node_count    = 3
    tags = {
      team          = "ml-research"
      "cost-center" = "cc-4521"
    }
  }
  eval = {
    instance_type = "g5.12xlarge" # 4 x A10G
    node_count    = 1
    tags = {
      team = "ml-research" # no cost-center: GPU spend cannot be attributed
    }
  }
}

# db_password comes from the environment: export TF_VAR_db_password=...
