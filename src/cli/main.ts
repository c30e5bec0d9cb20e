#!/usr/bin/env node
/**
 * The command line's entry point (bundled alone into dist/cli/planguard.cjs).
 * It does what must happen before the rest of planguard is compiled, then
 * loads it: source maps apply only to code loaded after they are switched on.
 *
 * Built, this file is dist/cli/planguard.cjs (the package's `bin`), a
 * CommonJS file: started as an ES module, Node's ES module loader (its
 * resolution, an asynchronous read, each built-in module's ES facade) was
 * ~10% of an empty plan's scan. The program is one CommonJS bundle beside
 * it, loaded with the V8 code cache the build made for it (bundle-loader.ts).
 * Run from tsc's output (dist/cli/main.js) or the sources, it is imported as
 * modules.
 * Built, --help and --version are answered before any of that, from what
 * the build recorded the program printing for them (quick-answers.ts).
 */
import { fileURLToPath } from "node:url";
import { loadBundle } from "./bundle-loader.js";
import { endQuietlyWhenStdoutCloses } from "./closed-stdout.js";
import { enableCompileCache } from "./compile-cache.js";
import { EXIT_ERROR } from "./exit.js";
import { quickAnswerFor, type QuickAnswers } from "./quick-answers.js";

/** The program bundle's file name, beside the entry; set by scripts/build-cli.mjs, undeclared elsewhere. */
declare const PLANGUARD_PROGRAM_BUNDLE: string | undefined;

/** What the program printed for --help, --version and each command's help, recorded by the build; undeclared elsewhere. */
declare const PLANGUARD_QUICK_ANSWERS: QuickAnswers | undefined;

endQuietlyWhenStdoutCloses();
const args = process.argv.slice(2);
const quick = quickAnswerFor(
  args,
  typeof PLANGUARD_QUICK_ANSWERS === "object" ? PLANGUARD_QUICK_ANSWERS : undefined,
  process.stdout,
);
if (quick) {
  // Answered without loading the program: its help and version do not depend on the input.
  process.stdout.write(quick.stdout);
  process.exitCode = quick.code;
} else {
  // Not awaited at the top: the bundled entry is CommonJS, which has no top-level await. A failure
  // to load the program (a missing bundle) is an unhandled rejection: Node prints it and exits 1.
  void runProgram(args);
}

async function runProgram(args: string[]): Promise<void> {
  enableCompileCache();
  // V8 is tuned by the commands that run long enough for it (v8-tuning.ts), after this load.
  const debug = args.includes("--debug");
  // --debug prints stack traces: with the source maps they name src/ files and lines, not the bundle's.
  if (debug) process.setSourceMapsEnabled(true);

  type Program = typeof import("./program.js");
  const { main } =
    typeof PLANGUARD_PROGRAM_BUNDLE === "string"
      ? (loadBundle(fileURLToPath(new URL(PLANGUARD_PROGRAM_BUNDLE, import.meta.url)), { debug }).exports as Program)
      : await import("./program.js");

  main(args).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_ERROR;
    },
  );
}
