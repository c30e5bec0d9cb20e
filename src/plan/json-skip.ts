/**
 * Skipping a bracketed JSON value (an object or an array) in bytes: where it
 * ends, from its first byte, or where it starts, from its last, or where it
 * ends when its scan goes on from an earlier chunk (continueValue). The
 * partial load (json-members.ts) skips planned_values and prior_state this
 * way, some 30 MB of a 68 MB plan, and the streaming load (json-stream.ts)
 * finds every value of a plan too large for one string: in JavaScript the
 * loop takes about 4-7 ns a byte; as two small WebAssembly functions,
 * about 1.5-2.5 ns. Their source is json-skip.wat, assembled by
 * `npm run gen:wasm` into json-skip-wasm.generated.ts (a test checks the
 * committed bytes are what wabt makes of it).
 *
 * WebAssembly reads only its own memory. A buffer from allocateScanBuffer
 * (the loader reads large plans into one, see read-ahead.ts) is such a
 * memory, so nothing is copied. Any other buffer (stdin, tests), or any
 * buffer when WebAssembly is not available, is scanned by the JavaScript
 * loops, which give the same answers; copying it would cost a second copy
 * of the plan in memory.
 *
 * Both directions only balance brackets outside strings; what is inside a
 * skipped value is not otherwise checked (see json-members.ts).
 */
import { BACKSLASH, CLOSE_ARR, CLOSE_OBJ, OPEN_ARR, OPEN_OBJ, QUOTE } from "./json-bytes.js";
import { JSON_SKIP_WASM } from "./json-skip-wasm.generated.js";

/** The part of the WebAssembly API used here (Node has it; the project's TypeScript libs do not declare it). */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    constructor(descriptor: { initial: number });
    readonly buffer: ArrayBuffer;
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}

/**
 * Just past the bracket that closes the value opening at `start` (a `{` or
 * `[`), or -1 when the bytes end first.
 */
export function valueEnd(bytes: Buffer, start: number): number {
  return continueValue(bytes, start, { depth: 0, inString: false, escaped: false });
}

/**
 * Where the value closing at `end` (a `}` or `]`) opens, or -1 when it does
 * not open after `limit`.
 */
export function valueStart(bytes: Buffer, end: number, limit: number): number {
  const wasm = scannerFor(bytes);
  if (wasm) return wasm.result(wasm.exports.valueStart(wasm.offset + end, wasm.offset + limit));
  return valueStartJs(bytes, end, limit);
}

/**
 * A buffer of `size` bytes that the scanner reads without a copy (a view of
 * a WebAssembly memory); a plain one when WebAssembly is not available.
 * For large files only: each memory reserves address space of its own.
 */
export function allocateScanBuffer(size: number): Buffer {
  const module = scannerModule();
  if (!module || size === 0) return Buffer.allocUnsafe(size);
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(size / PAGE) });
  } catch {
    // No room for a WebAssembly memory (each reserves address space): the JavaScript loops read a plain buffer.
    return Buffer.allocUnsafe(size);
  }
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  scanners.set(memory.buffer, instance.exports as unknown as ScanExports);
  return Buffer.from(memory.buffer, 0, size);
}

/** Where a scan of a value stopped at the end of the bytes it had (see continueValue). */
export interface ValueScanState {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/**
 * Continues a value's scan from `start` with the state where the previous
 * bytes left it (the streaming loader reads a plan in chunks): just past the
 * value's end, or -1 when the bytes end first, with `state` brought up to
 * their end. A scalar value is not for this (it ends at a delimiter).
 */
export function continueValue(bytes: Buffer, start: number, state: ValueScanState): number {
  const wasm = scannerFor(bytes);
  if (!wasm) return continueValueJs(bytes, start, state);
  const { exports } = wasm;
  exports.depth.value = state.depth;
  exports.inString.value = state.inString ? 1 : 0;
  exports.escaped.value = state.escaped ? 1 : 0;
  const end = wasm.result(exports.continueValue(wasm.offset + start, wasm.offset + bytes.length));
  state.depth = exports.depth.value;
  state.inString = exports.inString.value !== 0;
  state.escaped = exports.escaped.value !== 0;
  return end;
}

// ---------------------------------------------------------------------------
// The JavaScript loops (and the reference for the WebAssembly ones)

export function continueValueJs(bytes: Buffer, start: number, state: ValueScanState): number {
  let { depth, inString, escaped } = state;
  let end = -1;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (b === BACKSLASH) escaped = true;
      else if (b === QUOTE) {
        inString = false;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_OBJ || b === OPEN_ARR) depth++;
    else if ((b === CLOSE_OBJ || b === CLOSE_ARR) && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  state.depth = depth;
  state.inString = inString;
  state.escaped = escaped;
  return end;
}

export function valueStartJs(bytes: Buffer, end: number, limit: number): number {
  let depth = 0;
  for (let i = end; i > limit; i--) {
    const c = bytes[i];
    if (c === QUOTE) {
      // Back to the opening quote: the previous quote that an even number of backslashes precede.
      for (;;) {
        i--;
        if (i <= limit) return -1;
        if (bytes[i] !== QUOTE) continue;
        let k = i - 1;
        while (k >= 0 && bytes[k] === BACKSLASH) k--;
        if ((i - 1 - k) % 2 === 0) break;
      }
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) depth++;
    else if ((c === OPEN_OBJ || c === OPEN_ARR) && --depth === 0) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// The WebAssembly scanner (source: json-skip.wat)

interface ScanExports {
  valueStart(end: number, limit: number): number;
  continueValue(start: number, end: number): number;
  depth: { value: number };
  inString: { value: number };
  escaped: { value: number };
}

interface Scanner {
  exports: ScanExports;
  /** Where the buffer's bytes start in the scanner's memory. */
  offset: number;
  /** A memory position back to a buffer index (-1 stays -1). */
  result(position: number): number;
}

const PAGE = 65536;
/** Instances by the memory (ArrayBuffer) they read; a buffer from allocateScanBuffer is a view of one. */
const scanners = new WeakMap<ArrayBuffer, ScanExports>();

function scannerFor(bytes: Buffer): Scanner | undefined {
  const exports = scanners.get(bytes.buffer as ArrayBuffer);
  if (!exports) return undefined;
  const offset = bytes.byteOffset;
  return { exports, offset, result: (position) => (position < 0 ? -1 : position - offset) };
}

let compiled: WebAssembly.Module | null | undefined;

function scannerModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(JSON_SKIP_WASM);
      warmUp(compiled);
    } catch {
      // No WebAssembly here (or no memory for it): the JavaScript loops do the same work.
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/**
 * V8 first runs WebAssembly through its baseline compiler and optimizes a
 * function once it has run enough, in the background; a call that is
 * already running stays in the baseline code. The plan's skipped members
 * are one long call each, which would then run at a third of the speed
 * (about 100 ms instead of 35 for the 15k plan's planned_values). So the
 * functions first run over 2.6 MB of brackets (about 12 ms) when the module
 * is made, which is when the plan starts being read: they are optimized by
 * the time the plan is there.
 */
function warmUp(module: WebAssembly.Module): void {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as ScanExports;
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(OPEN_ARR, 0, PAGE / 2);
  bytes.fill(CLOSE_ARR, PAGE / 2, PAGE);
  for (let i = 0; i < 20; i++) {
    exports.valueStart(PAGE - 1, -1);
    exports.depth.value = 0;
    exports.continueValue(0, PAGE);
  }
}
