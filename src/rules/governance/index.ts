import type { TypeScriptRule } from "../../policy/rule.js";
import { awsEnvironmentRules } from "./environment-aws.js";
import { azureEnvironmentRules } from "./environment-azure.js";
import { commonEnvironmentRules } from "./environment-common.js";
import { gcpEnvironmentRules } from "./environment-gcp.js";
import { gpuWithoutGovernanceTags } from "./gpu-tags.js";
import { imageRules } from "./images.js";
import { reproducibilityRules } from "./reproducibility.js";
import { secretRules } from "./secrets.js";
import { backendRules } from "./backend.js";
import { stateBucketRules } from "./state-buckets.js";

/** The governance category (docs/governance.md): environment separation, secrets in state, reproducibility. */
export const governanceRules: readonly TypeScriptRule[] = [
  ...commonEnvironmentRules,
  ...awsEnvironmentRules,
  ...gcpEnvironmentRules,
  ...azureEnvironmentRules,
  ...secretRules,
  ...reproducibilityRules,
  ...imageRules,
  gpuWithoutGovernanceTags,
  ...backendRules,
  ...stateBucketRules,
];
