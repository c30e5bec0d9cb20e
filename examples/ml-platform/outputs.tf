output "data_lake_bucket" {
  value = aws_s3_bucket.data_lake.bucket
}

output "gpu_pool_instance_ids" {
  value = { for name, pool in module.gpu_pool : name => pool.instance_ids }
}

output "mlflow_db_connection" {
  value     = "postgresql://${aws_db_instance.metadata.username}:${var.db_password}@${aws_db_instance.metadata.address}:5432/mlflow"
  sensitive = true
}
