import { InputError } from "./errors.js";
import { JsonStreamError, streamTopLevel, type KeyMode } from "./json-stream.js";
import { finishDocument, type LoadedDocument, type LoadOptions } from "./load.js";

/**
 * Loads a plan too large to parse as one string. resource_changes and
 * resource_drift are read one resource at a time; planned_values and
 * prior_state, which repeat the same resources, are skipped; everything else
 * (configuration, variables, outputs) is parsed as usual. The document then
 * goes through the same identification, validation and redaction as any
 * other. Rego policies see no planned_values or prior_state, and say so.
 * A state this large loads too (its members are parsed as values).
 */
const STREAMED: Record<string, KeyMode> = {
  resource_changes: "elements",
  resource_drift: "elements",
  planned_values: "skip",
  prior_state: "skip",
};

export async function loadPlanStreaming(file: string, sizeBytes: number, options: LoadOptions): Promise<LoadedDocument> {
  const doc: Record<string, unknown> = {};
  const skipped: string[] = [];
  try {
    await streamTopLevel(file, {
      modeOf: (key) => {
        const mode = STREAMED[key] ?? "value";
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
    if (err instanceof JsonStreamError) throw new InputError(file, `invalid JSON at byte ${err.offset}: ${err.message}`);
    if (err instanceof InputError) throw err;
    throw new InputError(file, err instanceof Error ? err.message : String(err));
  }
  // A state is read the same way: its values are built without one huge string, and the loader says what it is.
  const loaded = finishDocument(file, doc, sizeBytes, options, skipped);
  // A scan that asked for these members to be left out knows; anyone else is told.
  const unasked = skipped.filter((k) => !(options.skipMembers ?? []).includes(k));
  if (unasked.length > 0) {
    loaded.warnings.push(`the plan is ${Math.round(sizeBytes / 1048576)} MB, so it was read streaming: ${unasked.join(" and ")} were not loaded, and Rego policies see no ${unasked.join(" or ")} in input`);
  }
  return loaded;
}
