import { open } from "node:fs/promises";
import {
  CLOSE_ARR,
  CLOSE_OBJ,
  COLON,
  COMMA,
  isSpace,
  MAX_STRING_BYTES,
  OPEN_ARR,
  OPEN_OBJ,
  QUOTE,
} from "./json-bytes.js";
import { allocateScanBuffer, continueValue, type ValueScanState } from "./json-skip.js";

/**
 * Reads a JSON document whose top level is an object, one top-level key at a
 * time, without ever holding the whole text: V8 cannot make a string longer
 * than about 512 MB, and plans of large estates exceed that.
 *
 * A byte scanner finds where values begin and end (structural characters are
 * ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte character, so
 * bytes are enough; the loop is json-skip.ts's, in WebAssembly for the chunks
 * streamTopLevel reads into the scanner's memory); each piece is then parsed
 * by V8's own JSON.parse, far faster than building values token by token.
 * Per key, the caller chooses:
 *   - "elements": the value is an array; each element is parsed and handed
 *     over on its own (resource_changes: one resource at a time),
 *   - "value": the value is parsed whole (configuration, variables),
 *   - "skip": the value is scanned past and never kept (planned_values,
 *     prior_state: the same resources again).
 */
export type KeyMode = "elements" | "value" | "skip";

export interface StreamHandlers {
  modeOf(key: string): KeyMode;
  onValue(key: string, value: unknown): void;
  onElement(key: string, element: unknown, index: number): void;
}

export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** The JSON is fine, but one value of it is too large to parse whole. */
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

type Phase =
  | "start" // before the top-level {
  | "key" // expecting a key (or })
  | "colon"
  | "value" // expecting a top-level value
  | "array" // inside an "elements" array, expecting an element (or ])
  | "afterElement" // after an element: , or ]
  | "afterValue" // after a top-level value: , or }
  | "end";

export async function streamTopLevel(
  file: string,
  handlers: StreamHandlers,
  chunkSize = 8 * 1024 * 1024,
): Promise<void> {
  const scanner = new TopLevelScanner(handlers);
  // One buffer for every chunk, in the memory json-skip.ts's WebAssembly scanner reads.
  const buffer = allocateScanBuffer(chunkSize);
  const handle = await open(file, "r");
  try {
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      scanner.push(buffer.subarray(0, bytesRead));
      scanner.release();
    }
  } finally {
    await handle.close();
  }
  scanner.finish();
}

/** The scanner, fed chunk by chunk (exported for tests). */
export class TopLevelScanner {
  private phase: Phase = "start";
  private offset = 0;
  // The value being collected (a key's text, a value, an element).
  private pieces: Buffer[] = [];
  private collecting = false;
  /** Where the scan of the value being collected stands (json-skip.ts continues it). */
  private readonly value: ValueScanState = { depth: 0, inString: false, escaped: false };
  private key = "";
  private mode: KeyMode = "skip";
  private elementIndex = 0;
  private scalar = false;

  constructor(
    private readonly handlers: StreamHandlers,
    /** The longest value read whole (V8's string limit; lower in tests). */
    private readonly maxValueBytes = MAX_STRING_BYTES,
  ) {}

  push(chunk: Buffer): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.collecting) {
        const start = i;
        const end = this.scanValue(chunk, i);
        // A skipped value is scanned past, never kept.
        if (this.keep) this.pieces.push(chunk.subarray(start, end < 0 ? n : end));
        if (end < 0) break;
        i = end;
        this.completeValue();
        continue;
      }
      const b = chunk[i]!;
      if (isSpace(b)) {
        i++;
        continue;
      }
      // A value starts here: leave i on its first byte for scanValue.
      if (this.structural(b, i)) continue;
      i++;
    }
    this.offset += n;
  }

  finish(): void {
    if (this.phase !== "end") throw new JsonStreamError("unexpected end of the file", this.offset);
  }

  private fail(message: string, at: number): never {
    throw new JsonStreamError(message, this.offset + at);
  }

  /** Handles a byte outside any collected value; true when a value starts at it. */
  private structural(b: number, at: number): boolean {
    switch (this.phase) {
      case "start":
        if (b !== OPEN_OBJ) this.fail("expected a JSON object", at);
        this.phase = "key";
        return false;
      case "key":
        if (b === CLOSE_OBJ) {
          this.phase = "end";
          return false;
        }
        if (b !== QUOTE) this.fail("expected a quoted property name", at);
        return this.beginCollect(b, true);
      case "colon":
        if (b !== COLON) this.fail("expected ':'", at);
        this.phase = "value";
        return false;
      case "value":
        this.mode = this.handlers.modeOf(this.key);
        if (this.mode === "elements") {
          if (b !== OPEN_ARR) this.fail(`"${this.key}" must be an array`, at);
          this.phase = "array";
          this.elementIndex = 0;
          return false;
        }
        return this.beginCollect(b, this.mode !== "skip");
      case "array":
        if (b === CLOSE_ARR) {
          this.phase = "afterValue";
          return false;
        }
        return this.beginCollect(b, true);
      case "afterElement":
        if (b === COMMA) this.phase = "array";
        else if (b === CLOSE_ARR) this.phase = "afterValue";
        else this.fail("expected ',' or ']'", at);
        return false;
      case "afterValue":
        if (b === COMMA) this.phase = "key";
        else if (b === CLOSE_OBJ) this.phase = "end";
        else this.fail("expected ',' or '}'", at);
        return false;
      case "end":
        this.fail("unexpected data after the end of the JSON document", at);
    }
  }

  /**
   * Starts collecting a value whose first byte is at the current position;
   * the byte itself is read by scanValue, which the push loop calls next.
   */
  private beginCollect(first: number, keep: boolean): true {
    this.collecting = true;
    this.keep = keep;
    this.pieces = [];
    this.value.depth = 0;
    this.value.inString = false;
    this.value.escaped = false;
    this.scalar = first !== QUOTE && first !== OPEN_OBJ && first !== OPEN_ARR;
    this.pendingFirst = true;
    return true;
  }

  private pendingFirst = false;
  private keep = true;

  /**
   * Scans the value being collected from position i; returns the index just
   * past its end, or -1 when it continues in the next chunk.
   */
  private scanValue(chunk: Buffer, i: number): number {
    const value = this.value;
    if (this.pendingFirst) {
      // Re-read the first byte: the push loop left it in place.
      this.pendingFirst = false;
      const b = chunk[i]!;
      if (b === QUOTE) value.inString = true;
      else if (b === OPEN_OBJ || b === OPEN_ARR) value.depth = 1;
      i++;
      if (!value.inString && value.depth === 0 && this.scalar) {
        // A scalar: it ends at the first structural byte or space.
        return this.scanScalar(chunk, i);
      }
    } else if (this.scalar) {
      return this.scanScalar(chunk, i);
    }
    return continueValue(chunk, i, value);
  }

  /**
   * Copies what the scanner keeps of the last chunk (the start of a value
   * that goes on in the next one), so that the caller may read the next
   * chunk into the same buffer.
   */
  release(): void {
    this.pieces = this.pieces.map((piece) => Buffer.from(piece));
  }

  /** The collected value's text; one over V8's string limit is refused by name. */
  private collectedText(): string {
    const bytes = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces);
    if (bytes.length > this.maxValueBytes) {
      throw new JsonStreamError(
        `"${this.key}" is ${Math.round(bytes.length / 1048576)} MB, too large to read as one value (V8 cannot hold a string over about 512 MB)`,
        this.offset,
        true,
      );
    }
    return bytes.toString("utf8");
  }

  private scanScalar(chunk: Buffer, i: number): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (isSpace(b) || b === COMMA || b === CLOSE_OBJ || b === CLOSE_ARR) return i;
    }
    return -1;
  }

  private completeValue(): void {
    this.collecting = false;
    const text = this.collectedText();
    this.pieces = [];
    let value: unknown;
    if (this.keep) {
      try {
        value = JSON.parse(text);
      } catch (err) {
        this.fail(
          `invalid JSON in ${this.phase === "key" ? "a property name" : `"${this.key}"`}: ${(err as Error).message}`,
          0,
        );
      }
    }
    switch (this.phase) {
      case "key":
        this.key = value as string;
        this.phase = "colon";
        return;
      case "value":
        if (this.mode === "value") this.handlers.onValue(this.key, value);
        this.phase = "afterValue";
        return;
      case "array":
        this.handlers.onElement(this.key, value, this.elementIndex++);
        this.phase = "afterElement";
        return;
      default:
        return;
    }
  }
}
