/**
 * Reading a plan while the policies compile. A scan must both read its plan
 * (tens of milliseconds for a large one, on the thread pool) and compile
 * its Rego (a couple of hundred milliseconds on the main thread); started
 * first, the read costs nothing on top.
 *
 * The read is issued synchronously (open, fstat, one read request), since
 * the main thread will be busy compiling and could not issue a next step
 * before it is done. Anything unusual (no such file, a directory, a size
 * over a limit, a file to stream) gives no read-ahead: the loader then
 * reads the file itself and reports the problem as usual.
 */
import { closeSync, fstatSync, openSync, read } from "node:fs";
import { prepareScanner } from "./json-skip.js";
import { PARTIAL_PARSE_MIN_BYTES } from "./json-text.js";

export class ReadAhead {
  private pending: Promise<Buffer> | undefined;

  private constructor(
    readonly file: string,
    pending: Promise<Buffer>,
  ) {
    // Failures are the loader's to report, when it takes the bytes.
    pending.catch(() => undefined);
    this.pending = pending;
  }

  /** Starts reading `file` when it is a regular file of at most `maxBytes`; else undefined. */
  static start(file: string, maxBytes: number): ReadAhead | undefined {
    if (file === "-") return undefined;
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch {
      // The loader opens the file again and reports why it cannot.
      return undefined;
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile() || info.size > maxBytes || info.size === 0) {
        closeSync(fd);
        return undefined;
      }
      return new ReadAhead(file, readWhole(fd, info.size));
    } catch {
      // As above: without a read-ahead the loader reads the file itself and reports any error.
      closeSync(fd);
      return undefined;
    }
  }

  /**
   * The bytes, once, for the file they were read from: the caller then owns
   * them, and this object no longer holds a reference (a plan's bytes should
   * not stay in memory for the rest of the scan).
   */
  take(file: string): Promise<Buffer> | undefined {
    if (file !== this.file || !this.pending) return undefined;
    const bytes = this.pending;
    this.pending = undefined;
    return bytes;
  }
}

const EMPTY = Buffer.alloc(0);

/** Reads `size` bytes from the start of an open file (and more if it grew meanwhile, as readFile would), then closes it. */
function readWhole(fd: number, size: number): Promise<Buffer> {
  let settle: { resolve: (bytes: Buffer) => void; reject: (err: Error) => void } | undefined;
  const bytes = new Promise<Buffer>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // An ordinary buffer, which the garbage collector frees once the plan is parsed; the partial
  // parse's scanner, made now, is optimized by the time the bytes are there (json-skip.ts).
  if (size >= PARTIAL_PARSE_MIN_BYTES) prepareScanner();
  let buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  const finish = (err?: Error | null): void => {
    try {
      closeSync(fd);
    } catch {
      // Closing a file that was only read cannot lose anything.
    }
    const done = settle;
    const result = filled === buffer.length ? buffer : buffer.subarray(0, filled);
    // The read's last callback, and so this closure's context, stays referenced while a scan's
    // CPU-bound rest runs (its promises chain from the resolve below, inside that callback): what
    // the context holds must not keep the plan's bytes, or the promise that has them, alive to
    // the end of the scan.
    settle = undefined;
    buffer = EMPTY;
    if (err) done?.reject(err);
    else done?.resolve(result);
  };
  const next = (): void => {
    if (filled < buffer.length) {
      read(fd, buffer, filled, buffer.length - filled, filled, (err, bytesRead) => {
        if (err) return finish(err);
        if (bytesRead === 0) return finish();
        filled += bytesRead;
        next();
      });
      return;
    }
    // All the bytes fstat counted: one more read to be sure the file ends here.
    const probe = Buffer.allocUnsafe(64 * 1024);
    read(fd, probe, 0, probe.length, filled, (err, bytesRead) => {
      if (err) return finish(err);
      if (bytesRead === 0) return finish();
      buffer = Buffer.concat([buffer, probe.subarray(0, bytesRead)]);
      filled += bytesRead;
      next();
    });
  };
  next();
  return bytes;
}
