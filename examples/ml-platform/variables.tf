variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "availability_zone" {
  type    = string
  default = "us-east-1a"
}

variable "name_prefix" {
  description = "Prefix for every resource name."
  type        = string
  default     = "acme-ml"
}

variable "team" {
  type    = string
  default = "ml-platform"
}

variable "cost_center" {
  type    = string
  default = "cc-4521"
}

variable "vpc_id" {
  description = "VPC that the training fleet and the metadata database live in."
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "dlami_id" {
  description = "Deep Learning AMI (NVIDIA driver) for the GPU pools."
  type        = string
}

variable "db_password" {
  description = "Master password of the MLflow metadata database (set TF_VAR_db_password)."
  type        = string
  sensitive   = true
}

variable "gpu_pools" {
  description = "Training and evaluation GPU pools, one module instance each."
  type = map(object({
    instance_type = string
    node_count    = number
    tags          = map(string)
  }))
}

variable "gcp_project" {
  type    = string
  default = "acme-ml-prod"
}

variable "gcp_region" {
  type    = string
  default = "us-central1"
}

variable "gcp_zone" {
  type    = string
  default = "us-central1-a"
}

variable "gcp_subnetwork" {
  type    = string
  default = "projects/acme-ml-prod/regions/us-central1/subnetworks/ml-private"
}
