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

/** A file system error in a few words for an InputError, without the path the message names already. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ERR_FS_FILE_TOO_LARGE":
      return "the file is too large to read at once";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
