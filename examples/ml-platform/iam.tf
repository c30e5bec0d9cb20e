resource "aws_iam_role" "notebook" {
  name = "${var.name_prefix}-notebook"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = local.tags
}

# GOOD: the notebook reads and writes the data lake and may pass only the training role.
resource "aws_iam_policy" "notebook_data_access" {
  name        = "${var.name_prefix}-notebook-data-access"
  description = "Data lake access for research notebooks"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "DataLake"
        Effect = "Allow"
        Action = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
        Resource = [
          "arn:aws:s3:::${aws_s3_bucket.data_lake.bucket}",
          "arn:aws:s3:::${aws_s3_bucket.data_lake.bucket}/*",
        ]
      },
      {
        Sid      = "PassTrainingRole"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${var.name_prefix}-sagemaker-training"
      },
    ]
  })

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "notebook_data_access" {
  role       = aws_iam_role.notebook.name
  policy_arn = aws_iam_policy.notebook_data_access.arn
}

# BAD: "temporary" admin policy for the pipeline runner: every action on every resource.
resource "aws_iam_policy" "pipeline_admin" {
  name        = "${var.name_prefix}-pipeline-admin"
  description = "TODO: scope down before GA"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })

  tags = local.tags
}
