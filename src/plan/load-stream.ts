import { InputError } from "../input-error.js";
import { JsonStreamError, streamTopLevel, type KeyMode } from "./json-stream.js";
import { finishDocument, type LoadedDocument, type LoadOptions } from "./document.js";

/**
 * Loads a plan too large to parse as one string. resource_changes and
 * resource_drift are read one resource at a time; the members the caller
 * leaves out (LoadOptions.skipMembers: a scan whose policies do not read
 * planned_values and prior_state) are scanned past; everything else
 * (configuration, variables, outputs, and prior_state for drift) is parsed
 * as a value, so each must fit in one string (about 512 MB). The document
 * then goes through the same identification, validation and redaction as any
 * other. A state this large loads too (its members are parsed as values).
 */
const STREAMED: Record<string, KeyMode> = {
  resource_changes: "elements",
  resource_drift: "elements",
};

export async function loadPlanStreaming(
  file: string,
  sizeBytes: number,
  options: LoadOptions,
): Promise<LoadedDocument> {
  const doc: Record<string, unknown> = {};
  const skipped: string[] = [];
  const skip = new Set(options.skipMembers ?? []);
  try {
    await streamTopLevel(file, {
      modeOf: (key) => {
        const mode = STREAMED[key] ?? (skip.has(key) ? "skip" : "value");
        if (mode === "skip") skipped.push(key);
        if (mode === "elements") doc[key] = [];
        return mode;
      },
      onValue: (key, value) => {
        Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true });
      },
      onElement: (key, element) => {
        (doc[key] as unknown[]).push(element);
      },
    });
  } catch (err) {
    if (err instanceof JsonStreamError)
      throw new InputError(file, err.tooLarge ? err.message : `invalid JSON at byte ${err.offset}: ${err.message}`);
    if (err instanceof InputError) throw err;
    throw new InputError(file, err instanceof Error ? err.message : String(err));
  }
  // A state is read the same way: its values are built without one huge string, and the loader says what it is.
  const loaded = finishDocument(file, doc, sizeBytes, options, skipped);
  return loaded;
}
