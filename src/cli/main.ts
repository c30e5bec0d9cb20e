#!/usr/bin/env node
import { EXIT_ERROR } from "./exit.js";
import { main } from "./program.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT_ERROR;
  },
);
