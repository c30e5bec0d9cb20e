import { close, fstat, open, readFile, type Stats } from "node:fs";
import { describeFsError, InputError } from "../input-error.js";

/**
 * Bounds on the other files a pull request can hand planguard, checked from
 * the file's size before it is read (plans have --max-input-size, `.tf`
 * files MAX_TF_FILE_BYTES, bundles their own).
 */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
export const MAX_POLICY_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

/** A file's UTF-8 text, refused with one InputError when it is larger than `maxBytes` (`what` names the kind of file). */
export async function readTextUpTo(file: string, maxBytes: number, what: string): Promise<string> {
  return (await readBytesUpTo(file, maxBytes, what)).toString("utf8");
}

/**
 * A file's bytes, refused with one InputError when it is larger than `maxBytes`.
 *
 * With node:fs's callback functions, not node:fs/promises: a scan reads its config here before
 * anything else needs that module, and loading it (with the readline, stream and file-watching
 * modules it requires) was ~3% of an empty plan's scan.
 */
export async function readBytesUpTo(file: string, maxBytes: number, what: string): Promise<Buffer> {
  let fd: number;
  try {
    fd = await settled<number>((done) => open(file, "r", done));
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
  try {
    const info = await settled<Stats>((done) => fstat(fd, done));
    if (info.isDirectory()) throw new InputError(file, "is a directory");
    if (info.isFile() && info.size > maxBytes)
      throw new InputError(file, `the file is ${info.size} bytes, over the limit of ${maxBytes} bytes for ${what}`);
    return await settled<Buffer>((done) => readFile(fd, done));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, describeFsError(err));
  } finally {
    await settled<void>((done) => close(fd, done));
  }
}

/** The promise of one callback-style call. */
function settled<T>(call: (done: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((err, value) => (err ? reject(err) : resolve(value))));
}
