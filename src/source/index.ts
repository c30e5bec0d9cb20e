/**
 * src/source: where findings are in the .tf sources, and the suppression
 * comments written there. See locator.ts for how addresses map to files.
 */
export { lexHcl, type Token, type TokenKind, type HclComment, type LexResult } from "./hcl-lexer.js";
export { scanHcl, type HclBlock, type HclFile, type HclMember } from "./hcl-scan.js";
export { findMember } from "./attribute.js";
export { blockComments, blockSuppressions } from "./block-comments.js";
export { parseSuppressions, type InlineSuppression } from "./suppressions.js";
export { loadModuleDir, type ModuleDir, type ParsedFile, type BlockRef } from "./module-files.js";
export { configModuleSources, isLocalSource, localModuleDirs, type ModuleSources } from "./module-tree.js";
export { buildSourceIndex, SourceIndex, type SourceIndexOptions } from "./locator.js";
export { findRepoRoot } from "./repo-root.js";
export { chooseRootModule, rootModuleBlocks, type RootBlock } from "./root-module.js";
