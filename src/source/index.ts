/**
 * src/source: where findings are in the .tf sources, and the suppression
 * comments written there. See locator.ts for how addresses map to files.
 */
export { lexHcl } from "./hcl-lexer.js";
export { scanHcl, type HclBlock, type HclMember } from "./hcl-scan.js";
export { blockComments } from "./block-comments.js";
export { parseSuppressions, type InlineSuppression } from "./suppressions.js";
export { buildSourceIndex, SourceIndex } from "./locator.js";
export { findRepoRoot } from "./repo-root.js";
export { chooseRootModule, rootModuleBlocks } from "./root-module.js";
