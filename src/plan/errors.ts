/**
 * Errors about the user's input: a plan, a state, a config or a policy file.
 * The CLI prints them as one line, "planguard: <file>: <problem>", and exits
 * with code 2; they never carry a stack trace to the user.
 */
export class InputError extends Error {
  constructor(
    /** The file the problem is in, as the user named it ("-" for stdin). */
    readonly file: string,
    /** What is wrong, in one sentence without the file name. */
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "InputError";
  }
}
