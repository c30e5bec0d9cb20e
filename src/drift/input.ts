import type { DocumentKind, LoadedDocument, LoadOptions } from "../plan/document.js";
import { loadDocument, parseDocument } from "../plan/load.js";
import type { SensitiveDigests } from "../plan/sensitive-digests.js";

/**
 * Loads a plan or state for drift with the ordinary loader, which also keeps
 * digests of the values it redacted, so the differ can tell a rotated secret
 * from an unchanged one without seeing either.
 */

export interface DriftLoadOptions {
  expect?: DocumentKind;
  maxBytes?: number;
  readStdin?: () => Promise<Buffer>;
  /** Files larger than this are read streaming (prior_state is kept: drift needs it). */
  streamAboveBytes?: number;
}

export interface DriftDocument {
  loaded: LoadedDocument;
  digests: SensitiveDigests;
}

export async function loadForDrift(file: string, options: DriftLoadOptions = {}): Promise<DriftDocument> {
  const loaded = await loadDocument(file, options as LoadOptions);
  return { loaded, digests: loaded.digests };
}

export function parseForDrift(file: string, bytes: Buffer, options: DriftLoadOptions = {}): DriftDocument {
  const loaded = parseDocument(file, bytes, options as LoadOptions);
  return { loaded, digests: loaded.digests };
}
