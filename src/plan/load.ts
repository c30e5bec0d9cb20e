import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { describeFsError, InputError } from "../input-error.js";
import { COLLECT_AFTER_BYTES, collectGarbage } from "./collect-garbage.js";
import { finishDocument, type LoadedDocument, type LoadOptions } from "./document.js";
import { parseJsonBytesWithout } from "./json-text.js";
import { DEFAULT_MAX_BYTES } from "./limits.js";
import { loadPlanStreaming } from "./load-stream.js";
import { ReadAhead } from "./read-ahead.js";
import { UTF16_WARNING, utf16ToUtf8 } from "./utf16.js";

/** Above this a plan is streamed: JSON.parse of the whole text would need a string V8 may refuse. */
const DEFAULT_STREAM_ABOVE_BYTES = 256 * 1024 * 1024;

/** Reads, parses, identifies, validates and redacts one plan or state file. */
export async function loadDocument(file: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const { loaded, readWhole } = await readAndParse(file, options);
  // The bytes and the text decoded from them are garbage now, and readAndParse's frame, which held
  // them, is gone: see collect-garbage.ts. (A streamed plan never held its bytes at once.)
  if (readWhole && loaded.sizeBytes >= COLLECT_AFTER_BYTES) collectGarbage();
  return loaded;
}

async function readAndParse(
  file: string,
  options: LoadOptions,
): Promise<{ loaded: LoadedDocument; readWhole: boolean }> {
  // Read ahead by the caller, or now the same way; anything unusual takes the paths below, which report it.
  const ahead = options.readAhead?.take(file) ?? startReading(file, options)?.take(file);
  if (ahead) {
    let bytes: Buffer;
    try {
      bytes = await ahead;
    } catch (err) {
      throw new InputError(file, describeFsError(err));
    }
    return { loaded: parseDocument(file, bytes, options), readWhole: true };
  }
  if (file !== "-") {
    const size = await sizeOf(file, options);
    if (size > (options.streamAboveBytes ?? DEFAULT_STREAM_ABOVE_BYTES))
      return { loaded: await loadPlanStreaming(file, size, options), readWhole: false };
  }
  const bytes = await readInput(file, options);
  return { loaded: parseDocument(file, bytes, options), readWhole: true };
}

/**
 * Starts reading a file that loadDocument will load with these options, so
 * that the read overlaps what the caller does meanwhile (compiling the
 * policies). Nothing is started for stdin, a file to stream, or a problem,
 * which loadDocument then reports.
 */
export function startReading(file: string, options: LoadOptions = {}): ReadAhead | undefined {
  const limit = Math.min(options.maxBytes ?? DEFAULT_MAX_BYTES, options.streamAboveBytes ?? DEFAULT_STREAM_ABOVE_BYTES);
  return ReadAhead.start(file, limit);
}

/** The file's size, refusing directories, missing files and files over the limit. */
async function sizeOf(file: string, options: LoadOptions): Promise<number> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info: Stats;
  try {
    info = await stat(file);
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
  if (info.isDirectory())
    throw new InputError(file, "is a directory; give the JSON file that `terraform show -json` wrote");
  if (info.size > maxBytes) {
    throw new InputError(
      file,
      `the file is ${info.size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-input-size)`,
    );
  }
  return info.size;
}

/** The same as loadDocument, for bytes already in memory. */
export function parseDocument(file: string, bytes: Buffer, options: LoadOptions = {}): LoadedDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(
      file,
      `the file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes (raise it with --max-input-size)`,
    );
  }
  // UTF-16 with a byte order mark (Windows PowerShell's `>`) is read as such, with a warning.
  const utf8 = utf16ToUtf8(bytes);
  const skip = new Set(options.skipMembers ?? []);
  let { value, skipped } = parseJsonBytesWithout(file, utf8 ?? bytes, skip);
  // A plan with no resource_changes may list its resources only in planned_values, which the model then reads.
  if (skipped.includes("planned_values") && !listsResourceChanges(value)) {
    skip.delete("planned_values");
    ({ value, skipped } = parseJsonBytesWithout(file, utf8 ?? bytes, skip));
  }
  const loaded = finishDocument(file, value, bytes.length, options, skipped);
  if (utf8) loaded.warnings.unshift(UTF16_WARNING);
  return loaded;
}

function listsResourceChanges(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  const changes = (value as Record<string, unknown>)["resource_changes"];
  return Array.isArray(changes) && changes.length > 0;
}

async function readInput(file: string, options: LoadOptions): Promise<Buffer> {
  if (file === "-")
    return options.readStdin
      ? options.readStdin()
      : readStreamUpTo(file, process.stdin, options.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    return await readFile(file);
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
}

/**
 * Reads a stream (stdin) whole, but stops as soon as it passes `maxBytes`:
 * a pipe has no size to check first, and reading 3 GB before refusing them
 * took 6 GB of memory.
 */
export async function readStreamUpTo(
  file: string,
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      // Leaving the loop early destroys the stream: nothing more is read.
      throw new InputError(file, `the input is over the limit of ${maxBytes} bytes (raise it with --max-input-size)`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
