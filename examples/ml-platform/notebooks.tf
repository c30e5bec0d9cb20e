# BAD twice: direct internet access, and the ML volume has no customer-managed KMS key.
# It also carries 1 x A10G (ml.g5.xlarge), which counts towards the GPU quota.
resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "${var.name_prefix}-research"
  instance_type          = "ml.g5.xlarge"
  role_arn               = aws_iam_role.notebook.arn
  direct_internet_access = "Enabled"
  volume_size            = 100
  tags                   = local.tags
}
