import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { InputError } from "./errors.js";
import { planSchema, rawStateSchema, stateSchema } from "./schemas.js";

/** The shapes planguard reads, each with its own schema. */
export type DocumentFormat = "plan" | "state" | "tfstate";

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
const validators = new Map<DocumentFormat, ValidateFunction>();
const SCHEMAS = { plan: planSchema, state: stateSchema, tfstate: rawStateSchema } as const;

function validatorFor(format: DocumentFormat): ValidateFunction {
  let v = validators.get(format);
  if (!v) {
    v = ajv.compile(SCHEMAS[format]);
    validators.set(format, v);
  }
  return v;
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
