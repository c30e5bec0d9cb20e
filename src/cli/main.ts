#!/usr/bin/env node
/**
 * The command line's entry point (bundled into dist/cli/planguard.js). It
 * does what must happen before the rest of planguard is compiled, then
 * loads it: the compile cache and source maps apply only to code loaded
 * after they are switched on, and the V8 flags only to code compiled after.
 */
import { enableCompileCache } from "./compile-cache.js";
import { EXIT_ERROR } from "./exit.js";
import { tuneV8ForShortRuns } from "./v8-tuning.js";

enableCompileCache();
tuneV8ForShortRuns();
// --debug prints stack traces: with the source maps they name src/ files and lines, not the bundle's.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);

const { main } = await import("./program.js");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT_ERROR;
  },
);
