import type { TypeScriptRule } from "../policy/rule.js";
import { awsEncryptionRules } from "./encryption/aws.js";
import { gpuRules } from "./gpu/quota.js";
import { awsIamRules } from "./iam/aws.js";
import { gcpIamRules } from "./iam/gcp.js";
import { awsNetworkRules } from "./network/aws.js";
import { gcpNetworkRules } from "./network/gcp.js";

/** Every bundled TypeScript rule. */
export const BUNDLED_RULES: readonly TypeScriptRule[] = [
  ...awsEncryptionRules,
  ...awsIamRules,
  ...gcpIamRules,
  ...awsNetworkRules,
  ...gcpNetworkRules,
  ...gpuRules,
];
