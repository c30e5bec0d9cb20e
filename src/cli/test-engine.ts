/**
 * What `planguard test` runs, in one module that test.ts imports when tests
 * start (see scan-command.ts), so that --help or another command never loads
 * the Rego engine for it.
 */
export { compileLeavingOutBroken } from "../policy/rego/compile-tests.js";
export { PLANGUARD_BUILTINS } from "../policy/rego/planguard-builtins.js";
export { readPolicyTree } from "../policy/rego/policy-tree.js";
export { BUNDLED_POLICY_DIR, readPolicies } from "../policy/rego/runner.js";
export { runRegoTests } from "../rego/index.js";
export { formatTestReport } from "./test-report.js";
