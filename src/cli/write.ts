import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../plan/errors.js";
import { describeFsError } from "../plan/load.js";

/**
 * Writes a report atomically: a temporary file beside the target, then a
 * rename. An interrupted run never leaves a half-written SARIF that looks
 * complete.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, content, { encoding: "utf8", flag: "wx" });
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new InputError(file, `cannot write the report: ${describeFsError(err)}`);
  }
}
