import { readFile, stat } from "node:fs/promises";
import { InputError } from "../plan/errors.js";
import { DEFAULT_MAX_BYTES, describeFsError, parseDocument, type DocumentKind, type LoadedDocument } from "../plan/load.js";
import { containsRedacted, SensitiveDigests } from "./secrets.js";

/**
 * Loads a plan or state for drift: the ordinary loader (parse, identify,
 * validate, redact), plus digests of the redacted values so the differ can
 * tell a rotated secret from an unchanged one without seeing either.
 */

export interface DriftLoadOptions {
  expect?: DocumentKind;
  maxBytes?: number;
  readStdin?: () => Promise<Buffer>;
}

export interface DriftDocument {
  loaded: LoadedDocument;
  digests: SensitiveDigests;
}

export async function loadForDrift(file: string, options: DriftLoadOptions = {}): Promise<DriftDocument> {
  const bytes = await readBytes(file, options);
  return parseForDrift(file, bytes, options);
}

export function parseForDrift(file: string, bytes: Buffer, options: DriftLoadOptions = {}): DriftDocument {
  const loaded = parseDocument(file, bytes, options);
  if (!containsRedacted(loaded.doc)) return { loaded, digests: new SensitiveDigests() };
  // The bytes were valid JSON a moment ago; this second parse holds the
  // secrets only until the digests are taken, and nothing keeps it.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const raw: unknown = JSON.parse(bytes.toString("utf8", start));
  return { loaded, digests: SensitiveDigests.collect(loaded.doc, raw) };
}

async function readBytes(file: string, options: DriftLoadOptions): Promise<Buffer> {
  if (file === "-") return (options.readStdin ?? readAllStdin)();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(file, "is a directory; give the JSON file that `terraform show -json` wrote");
    if (info.size > maxBytes) {
      throw new InputError(file, `the file is ${info.size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-input-size)`);
    }
    return await readFile(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, describeFsError(err));
  }
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
