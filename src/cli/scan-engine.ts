/**
 * What `planguard scan` runs, in one module that scan.ts imports when a
 * scan starts: the command line's own start-up (`--help`, option parsing,
 * the other commands) does not load or compile any of it. In the bundle
 * (dist/cli/planguard.js) it is a chunk of its own.
 */
export { loadConfig } from "../config/config.js";
export { buildBaseline, readBaseline } from "../filter/baseline.js";
export { startReading } from "../plan/load.js";
export { loadRegoPolicies } from "../policy/rego/load.js";
export { runScan } from "../scan/run.js";
export { renderScan } from "./formats.js";
export { emit, parseOutputs, useColor } from "./output.js";
export { Progress } from "./progress.js";
export { sourceOptions } from "./source-dir.js";
export { writeFileAtomic } from "./write.js";
