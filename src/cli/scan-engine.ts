/**
 * What `planguard scan` runs, in one module that scan.ts imports when a
 * scan starts: the command line's own start-up (`--help`, option parsing,
 * the other commands) does not run any of it. Inside the bundle
 * (dist/cli/planguard-program.cjs) esbuild keeps the import lazy: these
 * modules' top-level code runs when a scan first imports them.
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
