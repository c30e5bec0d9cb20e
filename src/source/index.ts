export { scanHcl, type HclBlock, type HclFile, type HclComment } from "./hcl-scan.js";
export { SourceIndex, type SourceIndexOptions } from "./locator.js";
export { parseSuppressions, type InlineSuppression } from "./suppressions.js";
export { findRepoRoot } from "./repo-root.js";
