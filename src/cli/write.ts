import { nodeCrypto } from "../node-crypto.js";
import { constants, unlinkSync } from "node:fs";
import { access, chmod, lstat, open, readdir, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { describeFsError, InputError } from "../input-error.js";
import { writePieces, type ReportText } from "../report/pieces.js";

/**
 * Writes a report atomically: a temporary file beside the target, then a
 * rename. An interrupted run never leaves a half-written SARIF that looks
 * complete.
 *
 * - An existing report without write permission is refused, not replaced
 *   (a rename would replace it whatever its mode): someone made it read-only.
 * - An existing report keeps its mode (a 0600 report stays 0600).
 * - The temporary file is `.<name>.<pid>.<random>.planguard-tmp`: removed on
 *   failure, on exit and on SIGINT, SIGTERM and SIGHUP; one left by a run
 *   that could not clean up (SIGKILL) is removed by the next write of the
 *   same report once its process is gone.
 * - A report given in pieces is written in pieces (src/cli/write-pieces.ts).
 */
export async function writeFileAtomic(file: string, content: ReportText): Promise<void> {
  const target = path.resolve(file);
  const existing = await lstat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new InputError(file, `cannot write the report: ${describeFsError(err)}`);
  });
  if (existing?.isDirectory()) throw new InputError(file, "cannot write the report: is a directory");
  // The mode bits too, not only access(): root may write anything, and the file was still made read-only on purpose.
  if (
    existing?.isFile() &&
    ((existing.mode & 0o222) === 0 ||
      !(await access(target, constants.W_OK).then(
        () => true,
        () => false,
      )))
  ) {
    throw new InputError(
      file,
      "cannot write the report: the existing file is read-only; planguard does not replace it",
    );
  }
  await removeStaleTemporaries(target);
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}${TMP_SUFFIX}`,
  );
  pending.add(tmp);
  watchSignals();
  try {
    await writeNewFile(tmp, content);
    // chmod, not writeFile's mode: the umask would narrow it.
    if (existing?.isFile()) await chmod(tmp, existing.mode & 0o7777);
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new InputError(file, `cannot write the report: ${describeFsError(err)}`);
  } finally {
    pending.delete(tmp);
    if (pending.size === 0) unwatchSignals();
  }
}

/** Creates the file (failing if it exists) and writes the report into it. */
async function writeNewFile(file: string, content: ReportText): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await writePieces(content, async (chunk) => {
      // write() may write less than it was given (a full disk is an error, not a short write).
      for (let done = 0; done < chunk.length; )
        done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
      return "written" as const;
    });
  } finally {
    await handle.close();
  }
}

const TMP_SUFFIX = ".planguard-tmp";

/** Temporary files being written now. */
const pending = new Set<string>();

function removePending(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never created.
    }
  }
  pending.clear();
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Removes the temporaries, then dies of the signal as if no handler had been installed. */
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  unwatchSignals();
  process.kill(process.pid, signal);
}

let watching = false;

function watchSignals(): void {
  if (watching) return;
  watching = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", removePending);
}

function unwatchSignals(): void {
  if (!watching) return;
  watching = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off("exit", removePending);
}

/** Temporaries of this report left by a process that no longer runs (killed with SIGKILL). */
async function removeStaleTemporaries(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
