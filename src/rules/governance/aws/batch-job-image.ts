import { jsonImageRule } from "../images.js";

export const batchJobImage = jsonImageRule(
  "PG-AWS-GOV-012",
  "Batch job definition image by mutable tag",
  "A Batch job definition whose image is `:latest` or untagged makes training or preprocessing jobs unreproducible: the same job definition runs different code.",
  "aws_batch_job_definition",
  "container_properties",
);
