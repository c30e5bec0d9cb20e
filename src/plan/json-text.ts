import { isUtf8 } from "node:buffer";
import { InputError } from "../input-error.js";
import { keptPieces } from "./json-members.js";
import { CLOSE_OBJ, MAX_STRING_BYTES, OPEN_OBJ } from "./json-bytes.js";
import { findSyntaxError } from "./json-syntax.js";

/**
 * Turns bytes into parsed JSON, with errors a person can act on: the line and
 * column of a syntax error, and a hint for the encodings Windows shells write.
 */
function parseJsonBytes(file: string, bytes: Buffer): unknown {
  const text = decodeUtf8OrRefuse(file, bytes);
  if (text.trim() === "")
    throw new InputError(file, "the file is empty; expected the JSON that `terraform show -json` prints");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(file, describeSyntaxError(text, err));
  }
}

/** Below this size leaving members out is not worth a second look at the bytes. */
export const PARTIAL_PARSE_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Like parseJsonBytes, but leaves out the top-level members named in `skip`
 * (see json-members.ts) when the file is large enough for that to pay.
 * Returns the keys actually left out. Anything the member scan does not
 * expect falls back to parsing the whole text, so errors read the same.
 */
export function parseJsonBytesWithout(
  file: string,
  bytes: Buffer,
  skip: ReadonlySet<string>,
  minBytes = PARTIAL_PARSE_MIN_BYTES,
): { value: unknown; skipped: string[] } {
  const whole = () => ({ value: parseJsonBytes(file, bytes), skipped: [] });
  if (skip.size === 0 || bytes.length < minBytes) return whole();
  const start = checkEncoding(file, bytes);
  const layout = keptPieces(bytes, start, skip);
  if (!layout) return whole();
  // Invalid UTF-8 anywhere, even in a member left out: the whole parse reports where.
  if (!gapsAreUtf8(bytes, start, layout.pieces)) return whole();
  const doc: Record<string, unknown> = {};
  const skipped = [...layout.skipped];
  for (const piece of layout.pieces) {
    const text =
      piece.kind === "member"
        ? bytes.toString("utf8", piece.start, piece.end)
        : bracedText(bytes, piece.start, piece.end);
    if (!decodedWhole(text, bytes, piece.start, piece.end)) return whole();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Parsing the whole text reports the error with its line and column, as without the partial parse.
      return whole();
    }
    if (piece.kind === "member") {
      setMember(doc, piece.key, value);
      continue;
    }
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      // A repeated skipped key between the first and the last one.
      if (skip.has(key)) {
        if (!skipped.includes(key)) skipped.push(key);
      } else setMember(doc, key, member);
    }
  }
  return { value: doc, skipped };
}

/**
 * `{` + the members between start and end + `}` as one flat string. The bytes
 * just outside the range (a comma or white space between members) are set to
 * the braces for the decoding and put back: concatenating strings instead
 * would make JSON.parse copy the tens of megabytes once more to flatten them.
 */
function bracedText(bytes: Buffer, start: number, end: number): string {
  if (start === 0 || end >= bytes.length) return `{${bytes.toString("utf8", start, end)}}`;
  const before = bytes[start - 1]!;
  const after = bytes[end]!;
  bytes[start - 1] = OPEN_OBJ;
  bytes[end] = CLOSE_OBJ;
  try {
    return bytes.toString("utf8", start - 1, end + 1);
  } finally {
    bytes[start - 1] = before;
    bytes[end] = after;
  }
}

/** defineProperty, not assignment: a key "__proto__" must stay a plain member, as JSON.parse makes it. */
function setMember(doc: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Whether the text decoded from bytes[start, end) stands for them, with no
 * invalid UTF-8 replaced. The decoder turns every invalid sequence into U+FFFD,
 * so the bytes are checked only when the text holds one: a one-byte V8 string
 * (any ASCII or Latin-1 plan) cannot, and V8 answers that search at once,
 * where checking every byte first cost ~20 ms on the dense 13 MB bench plan.
 */
function decodedWhole(text: string, bytes: Buffer, start: number, end: number): boolean {
  return !text.includes("\uFFFD") || isUtf8(bytes.subarray(start, end));
}

/**
 * The bytes the partial parse does not decode (the members it leaves out and
 * what lies between the pieces) checked for invalid UTF-8 without decoding:
 * a plan with a bad byte anywhere is refused as when read whole. Pieces begin
 * and end at ASCII punctuation, so checking the ranges one by one is checking
 * the whole.
 */
function gapsAreUtf8(bytes: Buffer, start: number, pieces: readonly { start: number; end: number }[]): boolean {
  let from = start;
  for (const piece of [...pieces].sort((a, b) => a.start - b.start)) {
    if (piece.start > from && !isUtf8(bytes.subarray(from, piece.start))) return false;
    from = Math.max(from, piece.end);
  }
  return from >= bytes.length || isUtf8(bytes.subarray(from));
}

/** The file's text after its byte order mark, or one InputError naming where its UTF-8 is invalid. */
function decodeUtf8OrRefuse(file: string, bytes: Buffer): string {
  const start = checkEncoding(file, bytes);
  const text = bytes.toString("utf8", start);
  if (!decodedWhole(text, bytes, 0, bytes.length)) {
    // The decoder replaced the first invalid sequence (or an earlier real U+FFFD, close enough).
    const at = Math.max(0, text.indexOf("\uFFFD"));
    const { line, column } = lineAndColumn(text, at);
    throw new InputError(file, `invalid UTF-8 at line ${line}, column ${column}`);
  }
  return text;
}

/** Refuses encodings and formats that are not UTF-8 JSON text; returns where the text starts (after a BOM). */
function checkEncoding(file: string, bytes: Buffer): number {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError(
      file,
      "the file is UTF-16 encoded (Windows PowerShell's `>` writes UTF-16); write it as UTF-8, e.g. `terraform show -json tfplan | Out-File -Encoding utf8 plan.json`",
    );
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError(
      file,
      "this is a binary plan file (a zip archive); convert it first with `terraform show -json <planfile> > plan.json`",
    );
  }
  if (bytes.length > MAX_STRING_BYTES) {
    throw new InputError(file, `the file is ${bytes.length} bytes, more than a JavaScript string can hold`);
  }
  // A UTF-8 byte order mark is harmless: PowerShell 5's `Out-File -Encoding utf8` writes one.
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

function describeSyntaxError(text: string, err: unknown): string {
  const what = looksLikeOtherFormat(text) ?? "invalid JSON";
  const found = findSyntaxError(text);
  if (!found) return `${what}: ${err instanceof Error ? err.message : String(err)}`;
  const { line, column } = lineAndColumn(text, found.offset);
  return `${what} at line ${line}, column ${column}: ${found.reason}`;
}

function looksLikeOtherFormat(text: string): string | undefined {
  const head = text.trimStart().slice(0, 200);
  if (/^(resource|module|provider|variable|terraform|data|locals|output)\s+("|\{)/m.test(head)) {
    return "this looks like HCL (.tf source), not JSON; scan the output of `terraform show -json <planfile>`";
  }
  if (/^(---|[A-Za-z_][\w-]*:\s)/.test(head)) return "this looks like YAML, not JSON";
  return undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
