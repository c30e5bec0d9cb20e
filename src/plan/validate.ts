import type { ErrorObject, ValidateFunction } from "ajv";
import { InputError } from "../input-error.js";
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

/**
 * Deepest module nesting planguard reads. Terraform sets no limit, real
 * configurations nest a handful of levels, and every module's address
 * repeats its parents', so the work per module grows with its depth: 20,000
 * nested module calls took 27 s and 1.25 GB before this bound.
 */
export const MAX_MODULE_NESTING = 500;

/**
 * Refuses a document whose module trees (the configuration's `module_calls`,
 * `child_modules` of planned values, prior state and state values) nest
 * deeper than MAX_MODULE_NESTING. Walked with a stack, stopping at the bound.
 */
export function checkModuleNesting(file: string, doc: unknown): void {
  if (!isObj(doc)) return;
  const roots: [unknown, string, "module_calls" | "child_modules"][] = [
    [isObj(doc["configuration"]) ? doc["configuration"]["root_module"] : undefined, "configuration", "module_calls"],
    [
      isObj(doc["planned_values"]) ? doc["planned_values"]["root_module"] : undefined,
      "planned_values",
      "child_modules",
    ],
    [
      isObj(doc["prior_state"]) && isObj(doc["prior_state"]["values"])
        ? doc["prior_state"]["values"]["root_module"]
        : undefined,
      "prior_state",
      "child_modules",
    ],
    [isObj(doc["values"]) ? doc["values"]["root_module"] : undefined, "values", "child_modules"],
  ];
  for (const [root, member, children] of roots) {
    const todo: [unknown, number][] = [[root, 0]];
    while (todo.length > 0) {
      const [mod, depth] = todo.pop()!;
      if (!isObj(mod)) continue;
      if (depth > MAX_MODULE_NESTING) {
        throw new InputError(
          file,
          `modules in ${member} are nested more than ${MAX_MODULE_NESTING} levels deep; planguard reads at most ${MAX_MODULE_NESTING}`,
        );
      }
      const list = mod[children];
      if (children === "child_modules" && Array.isArray(list)) for (const c of list) todo.push([c, depth + 1]);
      else if (children === "module_calls" && isObj(list))
        for (const call of Object.values(list)) if (isObj(call)) todo.push([call["module"], depth + 1]);
    }
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
