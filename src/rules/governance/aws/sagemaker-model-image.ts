import { DIGEST_REMEDY, leafImageRule } from "../images.js";

export const sageMakerModelImage = leafImageRule({
  id: "PG-AWS-GOV-010",
  title: "SageMaker model image by mutable tag",
  description:
    "A SageMaker model's container image by `:latest` or without a tag serves different code after the next push, without a change to the model.",
  providers: ["aws"],
  types: ["aws_sagemaker_model"],
  pattern: /^(primary_container|container)\.\d+\.image$/,
  remediation: DIGEST_REMEDY,
});
