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
 * (the streaming load's chunk buffer) is such a memory and is scanned in
 * place. Any other buffer (a plan read whole, see read-ahead.ts) is copied
 * through one small scanner memory a chunk at a time, each call going on
 * with the state where the last one stopped: the copies cost well under a
 * millisecond per megabyte, and the plan's bytes stay in an ordinary buffer
 * that the loader can free as soon as it is parsed (release-bytes.ts). A
 * WebAssembly memory as large as the plan could not be freed before a full
 * garbage collection, which a scan may never run: it held ~70 MB of the
 * 15k bench plan's peak. Without WebAssembly the JavaScript loops give the
 * same answers.
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

/** How a buffer that is not in a scanner memory is scanned: in chunks of this many bytes. */
export interface ChunkSizes {
  /** The bytes scanned per call. */
  chunk: number;
  /** How many bytes before a backward chunk are copied with it, for counting the backslashes before a quote. */
  overlap: number;
}

/** 1 MiB per call: the call and the copy cost nothing next to the scan, and the scanner memory stays small. */
const CHUNKS: ChunkSizes = { chunk: 1024 * 1024, overlap: 4096 };

/**
 * Just past the bracket that closes the value opening at `start` (a `{` or
 * `[`), or -1 when the bytes end first.
 */
export function valueEnd(bytes: Buffer, start: number, sizes: ChunkSizes = CHUNKS): number {
  return continueValue(bytes, start, { depth: 0, inString: false, escaped: false }, sizes);
}

/**
 * Where the value closing at `end` (a `}` or `]`) opens, or -1 when it does
 * not open after `limit`.
 */
export function valueStart(bytes: Buffer, end: number, limit: number, sizes: ChunkSizes = CHUNKS): number {
  const wasm = scannerFor(bytes);
  if (wasm) {
    const { exports, offset } = wasm;
    exports.depth.value = 0;
    exports.inString.value = 0;
    const found = exports.valueStart(offset + end, offset + limit, offset);
    // -2: a run of backslashes back to the buffer's start; the JavaScript loop counts them.
    return found === -2 ? valueStartJs(bytes, end, limit) : wasm.result(found);
  }
  const scratch = scratchScanner(sizes);
  if (!scratch) return valueStartJs(bytes, end, limit);
  const { exports, memory } = scratch;
  exports.depth.value = 0;
  exports.inString.value = 0;
  // Each call scans the positions (low, top], its chunk copied with up to `overlap` bytes before it.
  for (let top = end; top > limit; ) {
    const low = Math.max(limit, top - sizes.chunk);
    const from = Math.max(0, low - sizes.overlap);
    memory.set(bytes.subarray(from, top + 1));
    const found = exports.valueStart(top - from, low - from, 0);
    if (found >= 0) return from + found;
    // -2: more backslashes before a quote than the overlap holds.
    if (found === -2) return valueStartJs(bytes, end, limit);
    top = low;
  }
  return -1;
}

/**
 * A buffer of `size` bytes that the scanner reads without a copy (a view of
 * a WebAssembly memory); a plain one when WebAssembly is not available.
 * For a buffer that is filled again and again (the streaming load's chunk):
 * each memory reserves address space of its own, and V8 frees it only in a
 * full collection, so it is not for holding a whole file.
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
export function continueValue(bytes: Buffer, start: number, state: ValueScanState, sizes: ChunkSizes = CHUNKS): number {
  const wasm = scannerFor(bytes);
  if (wasm) {
    setState(wasm.exports, state);
    const end = wasm.result(wasm.exports.continueValue(wasm.offset + start, wasm.offset + bytes.length));
    getState(wasm.exports, state);
    return end;
  }
  const scratch = scratchScanner(sizes);
  if (!scratch) return continueValueJs(bytes, start, state);
  const { exports, memory } = scratch;
  setState(exports, state);
  let found = -1;
  for (let at = start; at < bytes.length; ) {
    const next = Math.min(bytes.length, at + sizes.chunk);
    memory.set(bytes.subarray(at, next));
    const end = exports.continueValue(0, next - at);
    if (end >= 0) {
      found = at + end;
      break;
    }
    at = next;
  }
  getState(exports, state);
  return found;
}

function setState(exports: ScanExports, state: ValueScanState): void {
  exports.depth.value = state.depth;
  exports.inString.value = state.inString ? 1 : 0;
  exports.escaped.value = state.escaped ? 1 : 0;
}

function getState(exports: ScanExports, state: ValueScanState): void {
  state.depth = exports.depth.value;
  state.inString = exports.inString.value !== 0;
  state.escaped = exports.escaped.value !== 0;
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
  valueStart(end: number, limit: number, floor: number): number;
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

/** The scanner that reads chunks of other buffers, copied into its small memory; made at first use. */
let scratch: { exports: ScanExports; memory: Uint8Array } | undefined;

function scratchScanner(sizes: ChunkSizes): { exports: ScanExports; memory: Uint8Array } | undefined {
  // A backward chunk is the chunk, the overlap before it and its top byte.
  const need = sizes.chunk + sizes.overlap + 1;
  if (scratch && scratch.memory.length >= need) return scratch;
  const module = scannerModule();
  if (!module) return undefined;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(need / PAGE) });
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as ScanExports;
    scratch = { exports, memory: new Uint8Array(memory.buffer) };
  } catch {
    // No room for even a small WebAssembly memory: the JavaScript loops.
    return undefined;
  }
  return scratch;
}

/**
 * Makes the scanner (and warms it up, see warmUp) ahead of a partial load,
 * while the plan is read: the loader calls this when it starts reading a
 * plan large enough to be scanned.
 */
export function prepareScanner(): void {
  scratchScanner(CHUNKS);
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
 * already running stays in the baseline code. A skipped member's first
 * chunks would then run at a third of the speed (a whole member scanned in
 * one call took about 100 ms instead of 35 for the 15k plan's
 * planned_values). So the functions first run over 2.6 MB of brackets
 * (about 12 ms) when the module is made, which is when the plan
 * starts being read: they are optimized by the time the plan is there.
 */
function warmUp(module: WebAssembly.Module): void {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as ScanExports;
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(OPEN_ARR, 0, PAGE / 2);
  bytes.fill(CLOSE_ARR, PAGE / 2, PAGE);
  for (let i = 0; i < 20; i++) {
    exports.depth.value = 0;
    exports.inString.value = 0;
    exports.valueStart(PAGE - 1, -1, 0);
    exports.depth.value = 0;
    exports.continueValue(0, PAGE);
  }
}
