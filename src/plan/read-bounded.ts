import { type FileHandle, open } from "node:fs/promises";
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

/** A file's bytes, refused with one InputError when it is larger than `maxBytes`. */
export async function readBytesUpTo(file: string, maxBytes: number, what: string): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(file, "is a directory");
    if (info.isFile() && info.size > maxBytes)
      throw new InputError(file, `the file is ${info.size} bytes, over the limit of ${maxBytes} bytes for ${what}`);
    return await handle.readFile();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, describeFsError(err));
  } finally {
    await handle.close();
  }
}
