import type { TypeScriptRule } from "../policy/rule.js";
import { awsEncryptionRules } from "./encryption/aws.js";
import { gpuRules } from "./gpu/quota.js";
import { governanceRules } from "./governance/index.js";
import { awsIamRules } from "./iam/aws.js";
import { awsResourcePolicyRules } from "./iam/aws-resource-policies.js";
import { s3NoPublicAccessBlock } from "./iam/aws-s3-public-access.js";
import { awsExposureRules } from "./network/aws-exposure.js";
import { gcpIamRules } from "./iam/gcp.js";
import { awsNetworkRules } from "./network/aws.js";
import { gcpNetworkRules } from "./network/gcp.js";

/** Every bundled TypeScript rule. */
export const BUNDLED_RULES: readonly TypeScriptRule[] = [
  ...awsEncryptionRules,
  ...awsIamRules,
  ...awsResourcePolicyRules,
  s3NoPublicAccessBlock,
  ...gcpIamRules,
  ...awsNetworkRules,
  ...awsExposureRules,
  ...gcpNetworkRules,
  ...gpuRules,
  ...governanceRules,
];
