import { Command, CommanderError } from "commander";
import { InputError } from "../input-error.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { EXIT_ERROR, UsageError } from "./exit.js";
import { HELP_WIDTH } from "./quick-answers.js";
import { guardWorkflowCommands } from "./workflow-guard.js";
import { registerDrift } from "./drift.js";
import { registerReport } from "./report.js";
import { registerRules } from "./rules.js";
import { registerScan } from "./scan.js";
import { registerTest } from "./test.js";

/**
 * The command line. Every error reaches the user as one line and exit code
 * 2; a stack trace only with --debug.
 */
export function buildProgram(): Command {
  const program = new Command(TOOL_NAME)
    .description("policy-as-code compliance and drift scanner for Terraform and OpenTofu plans")
    .version(VERSION)
    .option("--debug", "show stack traces of internal errors")
    .showHelpAfterError("(run planguard --help for usage)")
    .exitOverride();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    // Help wraps at the terminal's width, but at most HELP_WIDTH: long lines are hard to read,
    // and the bundled entry answers --help from a record made at that width (quick-answers.ts).
    getOutHelpWidth: () => Math.min(HELP_WIDTH, (process.stdout.isTTY && process.stdout.columns) || HELP_WIDTH),
  });
  registerScan(program);
  registerRules(program);
  registerTest(program);
  registerDrift(program);
  registerReport(program); // the drift history's report
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export interface MainOptions {
  /** Told each error's one-line message as it is printed (the Action annotates it). */
  onError?: (message: string) => void;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  // In GitHub Actions no line planguard prints may start a workflow command, except its annotations.
  const unguard = guardWorkflowCommands();
  const program = buildProgram();
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    return reportError(err, debug, options.onError ?? (() => undefined));
  } finally {
    unguard();
  }
}

function reportError(err: unknown, debug: boolean, onError: (message: string) => void): number {
  if (err instanceof CommanderError) {
    // Help and --version end through here with exit code 0; commander printed any error itself.
    if (err.exitCode !== 0) onError(err.message.replace(/^error: /, ""));
    return err.exitCode === 0 ? 0 : EXIT_ERROR;
  }
  let message: string;
  if (err instanceof InputError) message = `${err.file}: ${err.problem}`;
  else if (err instanceof UsageError) message = err.message;
  else
    message = `internal error: ${err instanceof Error ? err.message : String(err)}${debug ? "" : " (run with --debug for details)"}`;
  process.stderr.write(`${TOOL_NAME}: ${message}\n`);
  if (!(err instanceof InputError || err instanceof UsageError) && debug && err instanceof Error && err.stack)
    process.stderr.write(err.stack + "\n");
  onError(message);
  return EXIT_ERROR;
}
