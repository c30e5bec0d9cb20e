/**
 * A report as the pieces it is written in. A large plan's report is megabytes
 * (the dense 13 MB bench plan's text report 5 MB, its SARIF 13 MB): built as
 * one string it was joined once, then encoded once more into a buffer of its
 * size to be written, and on a machine where fresh memory costs page faults
 * that was ~10% of the scan. Formatters give their report as pieces instead,
 * which writePieces encodes through one small reused buffer.
 * The concatenation of the pieces is the report, byte for byte.
 */
export type ReportText = string | Iterable<string>;

/** The report as one string (tests, and callers that want the text). */
export function joinPieces(text: ReportText): string {
  if (typeof text === "string") return text;
  const all: string[] = [];
  for (const piece of text) all.push(piece);
  return all.join("");
}

/** Small pieces are gathered into a string of about this length before they are encoded: one encoder call each. */
const GATHER_CHARS = 8 * 1024;

/** The pieces gathered into strings of at least GATHER_CHARS (but the last), in order. */
export function* gatherPieces(text: ReportText): Generator<string> {
  if (typeof text === "string") {
    yield text;
    return;
  }
  // Joined, not concatenated: join makes one flat string, where += makes a tree of every small piece.
  let gathered: string[] = [];
  let length = 0;
  for (const piece of text) {
    gathered.push(piece);
    length += piece.length;
    if (length < GATHER_CHARS) continue;
    yield gathered.join("");
    gathered = [];
    length = 0;
  }
  if (length > 0) yield gathered.join("");
}

/** The buffer writePieces encodes into, by default: a few hundred findings' worth. */
const CHUNK_BYTES = 64 * 1024;

/**
 * What a flush says about the chunk it was given: written (the buffer may be
 * reused), still held by the stream (a new buffer is needed), or the
 * destination is gone (stop: the rest of the report is not produced).
 */
export type Flushed = "written" | "held" | "stop";

/** A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for 2). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Encodes a report's pieces as UTF-8 into one buffer of `chunkBytes`, handing
 * each full chunk to `flush` and reusing the buffer once the chunk is written.
 * A 5 MB report then costs 64 KB of memory to encode instead of a 5 MB string
 * and a 5 MB buffer, both fresh memory the system has to fault in. Resolves
 * once every chunk is flushed, or a flush said stop.
 */
export async function writePieces(
  text: ReportText,
  flush: (chunk: Buffer) => Flushed | Promise<Flushed>,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  let buffer = Buffer.allocUnsafeSlow(chunkBytes);
  let used = 0;
  let stopped = false;
  const flushChunk = async (): Promise<void> => {
    if (used === 0) return;
    const outcome = await flush(buffer.subarray(0, used));
    used = 0;
    if (outcome === "held") buffer = Buffer.allocUnsafeSlow(chunkBytes);
    else if (outcome === "stop") stopped = true;
  };
  const put = async (s: string): Promise<void> => {
    const room = Math.floor(chunkBytes / MAX_BYTES_PER_UNIT);
    for (let from = 0; from < s.length && !stopped; ) {
      let to = Math.min(s.length, from + room);
      // Never between the two halves of a surrogate pair: each half alone would become U+FFFD.
      if (to < s.length && isHighSurrogate(s.charCodeAt(to - 1))) to--;
      if ((to - from) * MAX_BYTES_PER_UNIT > chunkBytes - used) await flushChunk();
      if (stopped) return;
      used += buffer.write(from === 0 && to === s.length ? s : s.slice(from, to), used);
      from = to;
    }
  };
  for (const piece of gatherPieces(text)) {
    await put(piece);
    if (stopped) return;
  }
  await flushChunk();
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: arrays and plain
 * objects are taken apart `depth` levels down, what lies below is stringified
 * whole, already indented for its place; the elements of an array at the last
 * level (a report's findings) are stringified ELEMENTS_PER_PIECE at a time.
 * Values with a toJSON method are stringified whole (their toJSON is given
 * the element index or "" as key, not the member's name: no value in a
 * report reads it).
 */
export function* jsonPieces(value: unknown, depth: number, indent = ""): Generator<string> {
  const levels = indent.length / 2;
  if (!descends(value, depth)) {
    yield stringifyAt(value, levels);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    const inner = `${indent}  `;
    if (depth === 1) {
      // Elements by the batch: "[\n" + the elements, indented and between commas + "\n" + indent + "]".
      for (let i = 0; i < value.length; i += ELEMENTS_PER_PIECE) {
        const text = stringifyAt(value.slice(i, i + ELEMENTS_PER_PIECE), levels);
        if (i > 0) yield ",\n";
        yield text.slice(2, text.length - indent.length - 2);
      }
      yield `\n${indent}]`;
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield inner;
      // Like JSON.stringify: what JSON cannot hold is null in an array.
      const element: unknown = value[i];
      if (isOmitted(element)) yield "null";
      else yield* jsonPieces(element, depth - 1, inner);
      yield i === value.length - 1 ? "\n" : ",\n";
    }
    yield `${indent}]`;
    return;
  }
  const members: [string, unknown][] = [];
  for (const key of Object.keys(value as object)) {
    const member: unknown = (value as Record<string, unknown>)[key];
    // Like JSON.stringify: such members are left out of an object (a toJSON giving undefined too).
    if (isOmitted(member)) continue;
    if (hasToJson(member) && JSON.stringify(member) === undefined) continue;
    members.push([key, member]);
  }
  if (members.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  const inner = `${indent}  `;
  for (let i = 0; i < members.length; i++) {
    const [key, member] = members[i]!;
    yield `${inner}${JSON.stringify(key)}: `;
    yield* jsonPieces(member, depth - 1, inner);
    yield i === members.length - 1 ? "\n" : ",\n";
  }
  yield `${indent}}`;
}

/** Findings (or SARIF results) stringified in one call: about 50 KB of text. */
const ELEMENTS_PER_PIECE = 100;

/**
 * `JSON.stringify(value, null, 2)` as it reads `levels` levels deep in a
 * document (its lines after the first indented by 2 x levels spaces): the
 * value is stringified inside `levels` arrays, which are then cut away. Not
 * re-indented line by line, and the cut is a slice of the text, not a copy.
 * An array keeps what JSON cannot hold as null, as an array element is written.
 */
function stringifyAt(value: unknown, levels: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2) ?? "null";
  if (levels === 0) return text;
  // Each wrapping array opens with "  " x j + "[\n" and closes with "\n" + "  " x j + "]": 2j + 2 characters.
  const wrapping = levels * (levels + 1);
  return text.slice(wrapping + 2 * levels, text.length - wrapping);
}

function descends(value: unknown, depth: number): value is object {
  return depth > 0 && typeof value === "object" && value !== null && !hasToJson(value);
}

function hasToJson(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}
