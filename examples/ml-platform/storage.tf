# GOOD: encrypted with the platform key through the separate SSE resource (AWS provider v4+ style).
resource "aws_s3_bucket" "data_lake" {
  bucket = "${var.name_prefix}-data-lake"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

# BAD: raw uploads land here and nothing declares how they are encrypted.
resource "aws_s3_bucket" "raw_uploads" {
  bucket = "${var.name_prefix}-raw-uploads"
  tags   = local.tags
}
