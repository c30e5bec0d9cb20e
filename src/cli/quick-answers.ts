/**
 * `planguard --help`, `--version` and each command's help, answered by the
 * entry point without loading the program (2.2 MB of code and its code
 * cache, commander and every command's options): their text does not depend
 * on the input, so the build records what the program itself prints for
 * them (scripts/build-cli.mjs) and the bundled entry prints that record.
 *
 * Only an exact, recorded argument list is answered; anything else (another
 * flag beside --help, a narrow terminal) runs the program as usual. The
 * program wraps help at 80 columns at most (program.ts), so the record,
 * made at 80, is what it would print at any terminal at least that wide.
 */

/** What the program printed for one argument list. */
export interface QuickAnswer {
  stdout: string;
  code: number;
}

/** Recorded answers by argument list (keyOf). */
export type QuickAnswers = Record<string, QuickAnswer>;

/** The widest help the program prints (program.ts); the recorded help was printed at this width. */
export const HELP_WIDTH = 80;

/** The argument lists whose answers the build records, for the program's commands. */
export function quickAnswerArgs(commands: readonly string[]): string[][] {
  const lists = [["--help"], ["-h"], ["help"], ["--version"], ["-V"]];
  for (const c of commands) lists.push([c, "--help"], [c, "-h"], ["help", c]);
  return lists;
}

export function keyOf(args: readonly string[]): string {
  return JSON.stringify(args);
}

/**
 * The recorded answer for these arguments, when it is exactly what the
 * program would print: stdout not a terminal (the program then uses 80
 * columns) or a terminal at least HELP_WIDTH wide.
 */
export function quickAnswerFor(
  args: readonly string[],
  answers: QuickAnswers | undefined,
  stdout: { isTTY?: boolean; columns?: number },
): QuickAnswer | undefined {
  if (answers === undefined) return undefined;
  if (stdout.isTTY === true && !((stdout.columns ?? 0) >= HELP_WIDTH)) return undefined;
  return Object.hasOwn(answers, keyOf(args)) ? answers[keyOf(args)] : undefined;
}
