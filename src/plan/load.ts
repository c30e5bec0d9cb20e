import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { DEFAULT_MAX_BYTES } from "./limits.js";
import { detectFormat } from "./detect.js";
import { InputError } from "./errors.js";
import { parseJsonBytesWithout } from "./json-text.js";
import { redactPlan, redactRawState, redactState } from "./redact.js";
import { DiscardedDigests, SensitiveDigests } from "./sensitive-digests.js";
import { loadPlanStreaming } from "./load-stream.js";
import { ReadAhead } from "./read-ahead.js";
import { checkModuleNesting, type DocumentFormat } from "./validate.js";
import { validateTolerantly } from "./tolerate.js";
import { UTF16_WARNING, utf16ToUtf8 } from "./utf16.js";

export type DocumentKind = "plan" | "state";

export interface LoadedDocument {
  /** The path as the user gave it ("-" for stdin). */
  file: string;
  kind: DocumentKind;
  format: DocumentFormat;
  /** format_version of show -json output; "4" for a raw state file. */
  formatVersion: string;
  terraformVersion?: string;
  /** The parsed document, sensitive values already redacted. */
  doc: Record<string, unknown>;
  sizeBytes: number;
  /** Things the user should know that do not stop the scan. */
  warnings: string[];
  /** Keyed digests of the values redaction blanked, to tell a changed secret from an unchanged one. */
  digests: SensitiveDigests;
  /** Top-level members present in the file but not loaded (see LoadOptions.skipMembers and load-stream.ts). */
  skipped: string[];
}

export interface LoadOptions {
  /** Refuse the other kind with a message that says what was given. */
  expect?: DocumentKind;
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
  /** Reads stdin for "-"; replaceable in tests. */
  readStdin?: () => Promise<Buffer>;
  /** Files larger than this are read streaming (see load-stream.ts). */
  streamAboveBytes?: number;
  /**
   * Top-level members of a plan that nothing will read (planned_values and
   * prior_state when no policy looks at them): a large file is loaded
   * without them, which saves about half the parse, redaction and memory.
   */
  skipMembers?: readonly string[];
  /** false: do not digest redacted values (only drift compares them); saves an HMAC per secret. */
  digestSecrets?: boolean;
  /**
   * Plan members the caller does not need: one of an unexpected shape is
   * left out with a warning instead of refusing the file (tolerate.ts).
   */
  tolerate?: readonly string[];
  /** Bytes of a file already being read (see read-ahead.ts); used once, for that file. */
  readAhead?: ReadAhead;
}

/** Above this a plan is streamed: JSON.parse of the whole text would need a string V8 may refuse. */
const DEFAULT_STREAM_ABOVE_BYTES = 256 * 1024 * 1024;

/** Reads, parses, identifies, validates and redacts one plan or state file. */
export async function loadDocument(file: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  // Read ahead by the caller, or now the same way; anything unusual takes the paths below, which report it.
  const ahead = options.readAhead?.take(file) ?? startReading(file, options)?.take(file);
  if (ahead) {
    let bytes: Buffer;
    try {
      bytes = await ahead;
    } catch (err) {
      throw new InputError(file, describeFsError(err));
    }
    return parseDocument(file, bytes, options);
  }
  if (file !== "-") {
    const size = await sizeOf(file, options);
    if (size > (options.streamAboveBytes ?? DEFAULT_STREAM_ABOVE_BYTES)) return loadPlanStreaming(file, size, options);
  }
  const bytes = await readInput(file, options);
  return parseDocument(file, bytes, options);
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
  if (info.isDirectory()) throw new InputError(file, "is a directory; give the JSON file that `terraform show -json` wrote");
  if (info.size > maxBytes) {
    throw new InputError(file, `the file is ${info.size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-input-size)`);
  }
  return info.size;
}

/** The same as loadDocument, for bytes already in memory. */
export function parseDocument(file: string, bytes: Buffer, options: LoadOptions = {}): LoadedDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(file, `the file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes (raise it with --max-input-size)`);
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

/** Identifies, validates and redacts a parsed document; `skipped` names members left out of it. */
export function finishDocument(file: string, parsed: unknown, sizeBytes: number, options: LoadOptions = {}, skipped: string[] = []): LoadedDocument {
  const format = detectFormat(file, parsed, skipped);
  checkModuleNesting(file, parsed);
  const warnings: string[] = [];
  guardStack(file, () => validateTolerantly(file, format, parsed, options.tolerate ?? [], warnings));
  const doc = parsed as Record<string, unknown>;
  const kind: DocumentKind = format === "plan" ? "plan" : "state";
  if (options.expect && options.expect !== kind) {
    throw new InputError(
      file,
      options.expect === "plan"
        ? "this is a state, but a plan was expected (run `terraform plan -out tfplan && terraform show -json tfplan`)"
        : "this is a plan, but a state was expected (run `terraform show -json` with no plan file, or `terraform state pull`)",
    );
  }
  const digests = options.digestSecrets === false ? new DiscardedDigests() : new SensitiveDigests();
  guardStack(file, () => {
    if (format === "plan") redactPlan(doc, digests);
    else if (format === "state") redactState(doc, digests);
    else redactRawState(doc, digests);
  });

  if (doc["errored"] === true) warnings.push("the plan errored: Terraform could not plan everything, so the findings cover only what it did plan");
  else if (doc["complete"] === false) warnings.push("the plan is incomplete (deferred changes): resources Terraform could not plan yet are not judged");

  const loaded: LoadedDocument = {
    file,
    kind,
    format,
    formatVersion: format === "tfstate" ? String(doc["version"]) : String(doc["format_version"]),
    doc,
    sizeBytes,
    warnings,
    digests,
    skipped,
  };
  if (typeof doc["terraform_version"] === "string") loaded.terraformVersion = doc["terraform_version"];
  return loaded;
}

/**
 * JSON.parse takes any depth, but recursive checks (the schema's module
 * tree) can run out of stack on absurd nesting; that is bad input, not a crash.
 */
function guardStack(file: string, step: () => void): void {
  try {
    step();
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(file, "the document is nested too deeply to process");
    throw err;
  }
}

async function readInput(file: string, options: LoadOptions): Promise<Buffer> {
  if (file === "-") return options.readStdin ? options.readStdin() : readStreamUpTo(file, process.stdin, options.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    return await readFile(file);
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ERR_FS_FILE_TOO_LARGE":
      return "the file is too large to read at once";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Reads a stream (stdin) whole, but stops as soon as it passes `maxBytes`:
 * a pipe has no size to check first, and reading 3 GB before refusing them
 * took 6 GB of memory.
 */
export async function readStreamUpTo(file: string, stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
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
