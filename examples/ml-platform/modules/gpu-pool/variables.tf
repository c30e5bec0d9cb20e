variable "name" {
  description = "Pool name; nodes are called <name>-<index>."
  type        = string
}

variable "instance_type" {
  type = string
}

variable "node_count" {
  type    = number
  default = 1
}

variable "ami_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "security_group_ids" {
  type    = list(string)
  default = []
}

variable "root_volume_gb" {
  type    = number
  default = 200
}

variable "tags" {
  description = "Tags for every node; GPU quota policy requires team and cost-center."
  type        = map(string)
  default     = {}
}
