/**
 * Liberal about what a scan does not need: real plans carry members of
 * shapes the schema does not expect (older or newer Terraform, OpenTofu,
 * tools that rewrite plans). A member that no part of the scan reads and
 * that fails the schema is left out with a warning instead of refusing the
 * file; what the scan needs (resource_changes, configuration, the format
 * version) stays strict. Terraform 1.0.x wrote resource_drift entries
 * without `address`; it is derived from the other members, as other tools do.
 */
import { validateShape, type DocumentFormat } from "./validate.js";
import { InputError } from "../input-error.js";

/**
 * Plan members that a scan's model and TypeScript rules never read (Rego
 * policies may: the caller removes those it reads). Drift reads
 * resource_drift and prior_state and so does not tolerate them. The model
 * reads planned_values only for resources that resource_changes leaves out
 * (model.ts), entry by entry: a planned_values left out here judges none.
 */
export const MEMBERS_A_SCAN_DOES_NOT_NEED: readonly string[] = [
  "variables",
  "planned_values",
  "prior_state",
  "resource_drift",
  "output_changes",
  "deferred_changes",
  "relevant_attributes",
  "checks",
  "timestamp",
  "applyable",
  "complete",
  "errored",
];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The address Terraform gives a resource instance: [module.]  [data.]type.name [index]. */
function deriveAddress(r: Obj): string | undefined {
  const { type, name, mode, index } = r;
  if (typeof type !== "string" || typeof name !== "string" || type === "" || name === "") return undefined;
  const moduleAddress =
    typeof r["module_address"] === "string" && r["module_address"] !== "" ? `${r["module_address"]}.` : "";
  const data = mode === "data" ? "data." : "";
  const key = typeof index === "number" ? `[${index}]` : typeof index === "string" ? `[${JSON.stringify(index)}]` : "";
  return `${moduleAddress}${data}${type}.${name}${key}`;
}

/** Fills in the address of resource_drift entries written without one (Terraform 1.0.x). */
function addDriftAddresses(doc: Obj): void {
  const drift = doc["resource_drift"];
  if (!Array.isArray(drift)) return;
  for (const entry of drift) {
    if (isObj(entry) && entry["address"] === undefined) {
      const address = deriveAddress(entry);
      if (address !== undefined) entry["address"] = address;
    }
  }
}

/**
 * Validates the document's skeleton; for a plan, a member in `tolerated`
 * that fails is deleted and named in a warning, and validation runs again.
 * Anything else that fails throws the usual InputError.
 */
export function validateTolerantly(
  file: string,
  format: DocumentFormat,
  doc: unknown,
  tolerated: readonly string[],
  warnings: string[],
): void {
  if (format === "plan" && isObj(doc)) addDriftAddresses(doc);
  for (let attempt = 0; ; attempt++) {
    try {
      validateShape(file, format, doc);
      return;
    } catch (err) {
      if (!(err instanceof InputError) || format !== "plan" || !isObj(doc) || attempt >= tolerated.length) throw err;
      const member = tolerated.find((m) => m in doc && !memberValid(file, doc, m));
      if (member === undefined) throw err;
      delete doc[member];
      // The member's name only: the schema's message would quote keys from the (untrusted) plan.
      warnings.push(
        `the plan's \`${member}\` is not of the shape Terraform writes; it was left out, since the scan does not need it`,
      );
    }
  }
}

/** Whether one member passes the plan schema on its own. */
function memberValid(file: string, doc: Obj, member: string): boolean {
  try {
    validateShape(file, "plan", { format_version: doc["format_version"], [member]: doc[member] });
    return true;
  } catch (err) {
    if (err instanceof InputError) return false;
    throw err;
  }
}
