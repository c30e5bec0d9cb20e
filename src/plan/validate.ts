import type { ErrorObject, ValidateFunction } from "ajv";
import { InputError } from "./errors.js";
import * as generated from "./schema-validators.generated.js";

/** The shapes planguard reads, each with its own schema (src/plan/schemas.ts). */
export type DocumentFormat = "plan" | "state" | "tfstate";

/**
 * The schemas compiled ahead of time by scripts/generate-validators.mjs:
 * compiling them with ajv on every run cost more than scanning a small plan.
 */
const VALIDATORS: Record<DocumentFormat, ValidateFunction> = {
  plan: generated.plan as ValidateFunction,
  state: generated.state as ValidateFunction,
  tfstate: generated.tfstate as ValidateFunction,
};

function validatorFor(format: DocumentFormat): ValidateFunction {
  return VALIDATORS[format];
}

/** Checks a document's skeleton; throws one InputError naming the JSON pointer. */
export function validateShape(file: string, format: DocumentFormat, doc: unknown): void {
  const validate = validatorFor(format);
  if (validate(doc)) return;
  const err = validate.errors?.[0];
  throw new InputError(file, `not a valid ${describe(format)}: ${describeError(err)}`);
}

function describe(format: DocumentFormat): string {
  switch (format) {
    case "plan":
      return "Terraform plan (terraform show -json <planfile>)";
    case "state":
      return "Terraform state (terraform show -json)";
    case "tfstate":
      return "Terraform state file";
  }
}

function describeError(err: ErrorObject | undefined): string {
  if (!err) return "unknown schema error";
  const pointer = err.instancePath === "" ? "/" : err.instancePath;
  if (err.keyword === "required") {
    const missing = (err.params as { missingProperty: string }).missingProperty;
    return `${pointer === "/" ? "" : pointer}/${missing} is missing`;
  }
  if (err.keyword === "enum") {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
    return `${pointer} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
  }
  return `${pointer} ${err.message ?? "is invalid"}`;
}
