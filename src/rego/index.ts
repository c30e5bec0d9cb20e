/**
 * planguard's Rego engine: the public entry. See engine/index.ts.
 */
export { compileModules, CompiledPolicies, RegoError, Session } from "./engine/index.js";
export type { EvaluateOptions, ModuleSource, PackageInfo, TestResult } from "./engine/index.js";
export type { Value } from "./value.js";
