import { DIGEST_REMEDY, leafImageRule } from "../images.js";

export const lambdaImage = leafImageRule({
  id: "PG-AWS-GOV-013",
  title: "Lambda container image by mutable tag",
  description:
    "A Lambda function's `image_uri` by `:latest` or without a tag deploys whatever was pushed last whenever the function is updated.",
  providers: ["aws"],
  types: ["aws_lambda_function"],
  pattern: /^image_uri$/,
  remediation: DIGEST_REMEDY,
});
