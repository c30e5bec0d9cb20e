# Experiment metadata for MLflow. Encrypted (good), but publicly accessible (BAD) so that
# laptops can reach the MLflow UI, and password logins only (BAD: no IAM database
# authentication). The password comes from a sensitive variable, so the plan carries a
# sensitive value that planguard must never print.
resource "aws_db_instance" "metadata" {
  identifier                = "${var.name_prefix}-mlflow"
  engine                    = "postgres"
  engine_version            = "16.4"
  instance_class            = "db.t4g.medium"
  allocated_storage         = 50
  db_name                   = "mlflow"
  username                  = "mlflow"
  password                  = var.db_password
  storage_encrypted         = true
  kms_key_id                = aws_kms_key.data.arn
  publicly_accessible       = true
  backup_retention_period   = 7
  final_snapshot_identifier = "${var.name_prefix}-mlflow-final"
  tags                      = local.tags
}
