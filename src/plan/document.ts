import { InputError } from "../input-error.js";
import { detectFormat } from "./detect.js";
import { redactPlan, redactRawState, redactState } from "./redact.js";
import { DiscardedDigests, SensitiveDigests } from "./sensitive-digests.js";
import type { ReadAhead } from "./read-ahead.js";
import { validateTolerantly } from "./tolerate.js";
import { checkModuleNesting, type DocumentFormat } from "./validate.js";

/*
 * A loaded plan or state and the last steps every loader shares, whether the
 * JSON was parsed whole (load.ts) or streamed (load-stream.ts).
 */

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

/** Identifies, validates and redacts a parsed document; `skipped` names members left out of it. */
export function finishDocument(
  file: string,
  parsed: unknown,
  sizeBytes: number,
  options: LoadOptions = {},
  skipped: string[] = [],
): LoadedDocument {
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

  if (doc["errored"] === true)
    warnings.push("the plan errored: Terraform could not plan everything, so the findings cover only what it did plan");
  else if (doc["complete"] === false)
    warnings.push("the plan is incomplete (deferred changes): resources Terraform could not plan yet are not judged");

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
