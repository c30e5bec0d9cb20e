#!/usr/bin/env node
import { endQuietlyWhenStdoutCloses } from "./closed-stdout.js";
import { EXIT_ERROR } from "./exit.js";
import { main } from "./program.js";
import { tuneV8ForShortRuns } from "./v8-tuning.js";

tuneV8ForShortRuns();
endQuietlyWhenStdoutCloses();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT_ERROR;
  },
);
