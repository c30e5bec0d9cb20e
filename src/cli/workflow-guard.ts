/**
 * Keeps data from starting GitHub Actions workflow commands.
 *
 * The runner reads every line a step prints, on stdout and stderr, and
 * obeys a line that starts with `::` after its leading whitespace
 * (`::error`, `::add-mask::`, `::stop-commands::`), and the older form
 * `##[command]` anywhere in a line. Lines are split at LF, CR and CRLF.
 * Text planguard prints carries data from the pull request (resource names,
 * IAM actions, file names, plan keys quoted in errors), so when
 * GITHUB_ACTIONS=true every write goes through `neutralise`, which puts a
 * zero-width space inside each `::` that begins a line and inside each
 * `##[`: the text reads the same in the log, and no longer matches.
 *
 * The annotations planguard means to send (`--format github`, whose data is
 * already escaped by src/report/github.ts) go through `writeWorkflowCommands`,
 * the one way past the guard.
 */

const ZWSP = "\u200b";

type Write = typeof process.stdout.write;

/** Where a stream's current line stands, carried from one write to the next. */
class LineState {
  /** 0: only whitespace so far on this line; 1: whitespace then one ':'; 2: anything else. */
  lead: 0 | 1 | 2 = 0;
  /** How many '#' were just written (0 to 2). */
  hashes = 0;

  neutralise(text: string): string {
    let out = "";
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lead = 0;
        this.hashes = 0;
        continue;
      }
      let insert = false;
      if (c === 58 /* : */) {
        if (this.lead === 0) this.lead = 1;
        else if (this.lead === 1) {
          insert = true;
          this.lead = 2;
        }
      } else if (this.lead !== 2 && !(this.lead === 0 && isSpace(text[i]!))) this.lead = 2;
      if (c === 91 /* [ */ && this.hashes === 2) insert = true;
      this.hashes = c === 35 /* # */ ? Math.min(this.hashes + 1, 2) : 0;
      if (insert) {
        out += text.slice(from, i) + ZWSP;
        from = i;
      }
    }
    return from === 0 ? text : out + text.slice(from);
  }
}

/** .NET's TrimStart, which the runner applies, trims Unicode whitespace. */
function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

/** Neutralises one text on its own (a fresh line state): for values written anywhere else, e.g. a file. */
export function neutraliseWorkflowCommands(text: string): string {
  return new LineState().neutralise(text);
}

interface Guard {
  stdout: LineState;
  originalStdout: Write;
}

let active: Guard | undefined;

/**
 * Installs the guard on stdout and stderr when running in GitHub Actions;
 * returns the function that removes it. Nested installs keep the outer one.
 */
export function guardWorkflowCommands(env: NodeJS.ProcessEnv = process.env): () => void {
  if (env["GITHUB_ACTIONS"] !== "true" || active) return () => undefined;
  const stdout = new LineState();
  const stderr = new LineState();
  const originalStdout = process.stdout.write;
  const originalStderr = process.stderr.write;
  process.stdout.write = wrap(originalStdout, process.stdout, stdout);
  process.stderr.write = wrap(originalStderr, process.stderr, stderr);
  const guard: Guard = { stdout, originalStdout };
  active = guard;
  return () => {
    if (active !== guard) return;
    process.stdout.write = originalStdout;
    process.stderr.write = originalStderr;
    active = undefined;
  };
}

function wrap(original: Write, stream: NodeJS.WriteStream, state: LineState): Write {
  return function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const text =
      typeof chunk === "string"
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString("utf8")
          : String(chunk);
    // A string chunk is re-encoded as UTF-8; an encoding argument no longer applies.
    const args = typeof rest[0] === "string" ? rest.slice(1) : rest;
    return (original as (...a: unknown[]) => boolean).call(stream, state.neutralise(text), ...args);
  } as Write;
}

/**
 * Writes workflow commands to stdout as they are. Only for lines built by
 * src/report/github.ts or with its escapeData/escapeProperty, whose data
 * cannot end the line. Each must end with a newline.
 */
export function writeWorkflowCommands(text: string): void {
  if (!active) {
    process.stdout.write(text);
    return;
  }
  active.originalStdout.call(process.stdout, text);
  active.stdout.lead = 0;
  active.stdout.hashes = 0;
}
