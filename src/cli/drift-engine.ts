/**
 * What `planguard drift` runs, in one module that drift.ts imports when
 * drift starts (see scan-command.ts), so that a scan or --help never runs it.
 */
export { loadConfig } from "../config/config.js";
export { DRIFT_FORMATS } from "../drift/formats.js";
export { appendHistory, historyRecord } from "../drift/history.js";
export { regoJudge } from "../drift/judge.js";
export { runDrift } from "../drift/run.js";
export { loadRegoPolicies } from "../policy/rego/load.js";
export { sourceUrlTemplate } from "../report/html/links.js";
export { verdictOf } from "../scan/verdict.js";
export { emit, parseOutputs, useColor } from "./output.js";
export { sourceOptions } from "./source-dir.js";
