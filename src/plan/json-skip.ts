/**
 * Skipping a bracketed JSON value (an object or an array) in bytes: where it
 * ends, from its first byte, or where it starts, from its last, or where it
 * ends when its scan goes on from an earlier chunk (continueValue). The
 * partial load (json-members.ts) skips planned_values and prior_state this
 * way, some 30 MB of a 68 MB plan, and the streaming load (json-stream.ts)
 * finds every value of a plan too large for one string: in JavaScript the
 * loop takes about 4-7 ns a byte; as the small WebAssembly functions below,
 * about 1.5-2.5 ns.
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
// The WebAssembly scanner

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
      compiled = new WebAssembly.Module(scannerBinary());
      warmUp(compiled);
    } catch {
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

/**
 * The module, in WebAssembly's binary format. In the text format it reads:
 *
 *   (import "env" "memory" (memory 0))
 *   (global $depth (export "depth") (mut i32) (i32.const 0))      ;; also $inString, $escaped
 *   (func (export "continueValue") (param $i i32) (param $end i32) (result i32)
 *     (local $d i32) (local $s i32) (local $e i32) (local $c i32)
 *     (d, s, e = $depth, $inString, $escaped)
 *     (loop $next
 *       (if (i32.ge_u $i $end) (save d, s, e) (return -1))
 *       (c = load8_u $i) (i = i + 1)
 *       (if s
 *         (if e (e = 0) (br $next))
 *         (if (c == '\\') (e = 1) (br $next))
 *         (if (c == '"') (s = 0) (if (d == 0) (save d, s, e) (return $i)))
 *         (br $next))
 *       (if (c == '"') (s = 1) (br $next))
 *       (if (c == '{' or c == '[') (d = d + 1) (br $next))
 *       (if (c == '}' or c == ']') (d = d - 1) (if (d == 0) (save d, s, e) (return $i)))
 *       (br $next))
 *     unreachable)
 *   (func (export "valueStart") (param $i i32) (param $limit i32) (result i32)
 *     (local $depth i32) (local $c i32) (local $k i32)
 *     (loop $next
 *       (if (i32.le_s $i $limit) (return -1))
 *       (c = load8_u $i)
 *       (if (c == '"')
 *         (loop $quote
 *           (i = i - 1)
 *           (if (i32.le_s $i $limit) (return -1))
 *           (br_if $quote (load8_u $i != '"'))
 *           (k = i - 1)
 *           (block $counted (loop $backslashes
 *             (br_if $counted (k < 0))
 *             (br_if $counted (load8_u $k != '\\'))
 *             (k = k - 1) (br $backslashes)))
 *           (br_if $quote ((i - 1 - k) & 1)))
 *         (i = i - 1) (br $next))
 *       (if (c == '}' or c == ']') (depth = depth + 1))
 *       (if (c == '{' or c == '[') (depth = depth - 1) (if (depth == 0) (return $i)))
 *       (i = i - 1)
 *       (br $next))
 *     unreachable)
 *
 * A test checks it against the JavaScript loops on random documents.
 */
function scannerBinary(): Uint8Array {
  const I = 0x41; // i32.const
  const get = (n: number) => [0x20, n];
  const set = (n: number) => [0x21, n];
  const load8 = [0x2d, 0x00, 0x00];
  const [eq, ne, ltS, leS, geU, and, or, add, sub, eqz] = [0x46, 0x47, 0x48, 0x4c, 0x4f, 0x71, 0x72, 0x6a, 0x6b, 0x45];
  const [block, loop, if_, end, br, brIf, ret, unreachable, voidType] = [0x02, 0x03, 0x04, 0x0b, 0x0c, 0x0d, 0x0f, 0x00, 0x40];
  const minusOne = [I, 0x7f];
  const constant = (v: number) => [I, ...signedLeb(v)];
  const is = (local: number, byte: number) => [...get(local), ...constant(byte), eq];
  const inc = (local: number) => [...get(local), ...constant(1), add, ...set(local)];
  const dec = (local: number) => [...get(local), ...constant(1), sub, ...set(local)];

  // valueStart: params 0 ($i), 1 ($limit); locals 2 ($depth), 3 ($c), 4 ($k)
  const valueStartBody = [
    loop, voidType,
    ...get(0), ...get(1), leS, if_, voidType, ...minusOne, ret, end,
    ...get(0), ...load8, ...set(3),
    ...is(3, QUOTE), if_, voidType,
    loop, voidType,
    ...dec(0),
    ...get(0), ...get(1), leS, if_, voidType, ...minusOne, ret, end,
    ...get(0), ...load8, ...constant(QUOTE), ne, brIf, 0,
    ...get(0), ...constant(1), sub, ...set(4),
    block, voidType, loop, voidType,
    ...get(4), ...constant(0), ltS, brIf, 1,
    ...get(4), ...load8, ...constant(BACKSLASH), ne, brIf, 1,
    ...dec(4), br, 0,
    end, end,
    ...get(0), ...constant(1), sub, ...get(4), sub, ...constant(1), and, brIf, 0,
    end,
    ...dec(0), br, 1,
    end,
    ...is(3, CLOSE_OBJ), ...is(3, CLOSE_ARR), or, if_, voidType, ...inc(2), end,
    ...is(3, OPEN_OBJ), ...is(3, OPEN_ARR), or, if_, voidType,
    ...dec(2), ...get(2), eqz, if_, voidType, ...get(0), ret, end,
    end,
    ...dec(0),
    br, 0,
    end,
    unreachable,
    end,
  ];
  // continueValue: params 0 ($i), 1 ($end); locals 2 ($depth), 3 ($inString), 4 ($escaped), 5 ($c);
  // globals 0-2 hold depth, inString and escaped between calls.
  const [globalGet, globalSet] = [0x23, 0x24];
  const load = [globalGet, 0, ...set(2), globalGet, 1, ...set(3), globalGet, 2, ...set(4)];
  const save = [...get(2), globalSet, 0, ...get(3), globalSet, 1, ...get(4), globalSet, 2];
  const continueValueBody = [
    ...load,
    loop, voidType,
    ...get(0), ...get(1), geU, if_, voidType, ...save, ...minusOne, ret, end,
    ...get(0), ...load8, ...set(5), ...inc(0),
    ...get(3), if_, voidType,
    ...get(4), if_, voidType, ...constant(0), ...set(4), br, 2, end,
    ...is(5, BACKSLASH), if_, voidType, ...constant(1), ...set(4), br, 2, end,
    ...is(5, QUOTE), if_, voidType,
    ...constant(0), ...set(3),
    ...get(2), eqz, if_, voidType, ...save, ...get(0), ret, end,
    end,
    br, 1,
    end,
    ...is(5, QUOTE), if_, voidType, ...constant(1), ...set(3), br, 1, end,
    ...is(5, OPEN_OBJ), ...is(5, OPEN_ARR), or, if_, voidType, ...inc(2), br, 1, end,
    ...is(5, CLOSE_OBJ), ...is(5, CLOSE_ARR), or, if_, voidType,
    ...dec(2), ...get(2), eqz, if_, voidType, ...save, ...get(0), ret, end,
    end,
    br, 0,
    end,
    unreachable,
    end,
  ];
  const i32 = 0x7f;
  const section = (id: number, content: number[]) => [id, ...unsignedLeb(content.length), ...content];
  const vector = (items: number[][]) => [...unsignedLeb(items.length), ...items.flat()];
  const name = (s: string) => [...unsignedLeb(s.length), ...Buffer.from(s, "utf8")];
  const code = (locals: number[][], body: number[]) => {
    const content = [...vector(locals), ...body];
    return [...unsignedLeb(content.length), ...content];
  };
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    // type 0: (i32, i32) -> i32
    ...section(1, vector([[0x60, 2, i32, i32, 1, i32]])),
    // import env.memory, a memory of at least 0 pages
    ...section(2, vector([[...name("env"), ...name("memory"), 0x02, 0x00, 0x00]])),
    // two functions of type 0
    ...section(3, vector([[0], [0]])),
    // three mutable i32 globals, 0 at first
    ...section(6, vector([0, 1, 2].map(() => [i32, 0x01, I, 0x00, end]))),
    ...section(
      7,
      vector([
        [...name("valueStart"), 0x00, 0],
        [...name("continueValue"), 0x00, 1],
        [...name("depth"), 0x03, 0],
        [...name("inString"), 0x03, 1],
        [...name("escaped"), 0x03, 2],
      ]),
    ),
    ...section(10, vector([code([[3, i32]], valueStartBody), code([[4, i32]], continueValueBody)])),
  ]);
}

function unsignedLeb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function signedLeb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}
