/**
 * What `planguard drift` runs, in one module that drift.ts imports when
 * drift starts (see scan-engine.ts), so that a scan or --help never runs it.
 */
export { loadConfig } from "../config/config.js";
export { DRIFT_FORMATS } from "../drift/formats.js";
export { regoJudge } from "../drift/judge.js";
export { runDrift } from "../drift/run.js";
export { loadRegoPolicies } from "../policy/rego/load.js";
export { emit, parseOutputs, useColor } from "./output.js";
export { sourceOptions } from "./source-dir.js";
