# BAD: SSH to the training nodes from anywhere.
resource "aws_security_group" "training_ssh" {
  name        = "${var.name_prefix}-training-ssh"
  description = "SSH to GPU training nodes"
  vpc_id      = var.vpc_id

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

# GOOD: HTTPS to the inference service from inside the VPC only.
resource "aws_security_group" "inference_https" {
  name        = "${var.name_prefix}-inference-https"
  description = "HTTPS to inference endpoints from the VPC"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [data.aws_vpc.main.cidr_block]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}
