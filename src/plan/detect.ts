import { InputError } from "../input-error.js";
import type { DocumentFormat } from "./validate.js";

/**
 * Tells what a parsed JSON document is, from its keys: a plan, a state as
 * `terraform show -json` prints it, or the raw state file (version 4). Other
 * JSON that Terraform prints is named, so the user knows what they gave.
 */
export function detectFormat(file: string, doc: unknown, skippedKeys: readonly string[] = []): DocumentFormat {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new InputError(file, `expected a JSON object from \`terraform show -json\`, found ${jsonTypeName(doc)}`);
  }
  const d = doc as Record<string, unknown>;
  if (!("format_version" in d)) {
    if ("version" in d && ("lineage" in d || "resources" in d)) {
      if (d["version"] !== 4) {
        throw new InputError(
          file,
          `state file version ${JSON.stringify(d["version"])} is not supported (only version 4, written by Terraform 0.12 and later)`,
        );
      }
      return "tfstate";
    }
    throw new InputError(file, "no format_version: this is not the JSON that `terraform show -json` prints");
  }
  checkFormatVersion(file, d["format_version"]);
  if ("provider_schemas" in d) {
    throw new InputError(file, "this is `terraform providers schema -json` output, not a plan or state");
  }
  if ("function_signatures" in d) {
    throw new InputError(file, "this is `terraform metadata functions -json` output, not a plan or state");
  }
  const planKeys = [
    "planned_values",
    "resource_changes",
    "resource_drift",
    "prior_state",
    "configuration",
    "output_changes",
    "deferred_changes",
    "relevant_attributes",
    "variables",
    "applyable",
    "errored",
  ];
  if (planKeys.some((k) => k in d || skippedKeys.includes(k))) return "plan";
  return "state";
}

const SUPPORTED_MAJOR = /^(0|1)\.\d+$/;

function checkFormatVersion(file: string, v: unknown): void {
  if (typeof v !== "string") {
    throw new InputError(file, `/format_version must be a string, found ${jsonTypeName(v)}`);
  }
  if (SUPPORTED_MAJOR.test(v)) return;
  if (/^\d+\.\d+$/.test(v)) {
    throw new InputError(
      file,
      `format_version ${v} is not supported: planguard reads 0.x and 1.x; upgrade planguard for newer Terraform output`,
    );
  }
  throw new InputError(
    file,
    `format_version ${JSON.stringify(v)} is not a version planguard knows (expected 0.x or 1.x)`,
  );
}

function jsonTypeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}
