/**
 * json.verify_schema and json.match_schema with the project's ajv, shaped
 * like OPA's (which uses gojsonschema): verify gives [true, null] or
 * [false, "jsonschema: <problem>"]; match gives [valid, errors], each error
 * {error, type, field, desc} with gojsonschema's type names and wording for
 * the common keywords ("invalid_type", "Invalid type. Expected: string,
 * given: integer"; field "(root)" or "a.b.0").
 *
 * Schemas are read as draft-07 (a draft-04/06/07 `$schema` is accepted and
 * read so); `$ref` reaches only within the schema: nothing is fetched, no
 * file is read (OPA refuses file references and limits remote ones too).
 * ajv is loaded on the first call, so that scans that never validate do not
 * pay for it (importing it costs more than compiling the bundled policies).
 */
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import { type Value, isObject, makeObject, toJSON } from "../value.js";
import { def } from "./args.js";
import { BuiltinError, type BuiltinDef } from "./types.js";

interface AjvLike {
  compile(schema: unknown): ValidateFunction;
  validateSchema(schema: unknown): boolean | Promise<unknown>;
  errorsText(errors?: ErrorObject[] | null): string;
  errors?: ErrorObject[] | null;
}

/**
 * ajv's module. The GitHub Action's single-file bundle defines `require`
 * and bundles this literal `require("ajv")` (lazily, as esbuild does for
 * CommonJS); the plain ES modules of dist/ have no `require` and make one.
 */
function loadAjv(): { default: new (opts: object) => AjvLike } {
  if (typeof require === "function") return require("ajv") as { default: new (opts: object) => AjvLike };
  return createRequire(import.meta.url)("ajv") as { default: new (opts: object) => AjvLike };
}

let ajv: AjvLike | undefined;
function validator(): AjvLike {
  if (ajv === undefined) {
    const Ajv = loadAjv().default;
    // verbose: errors carry the failing value (for "given: integer").
    ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true });
  }
  return ajv;
}

/** Operands are a JSON text or a value (object or array), as OPA's astValueToJSONSchemaLoader. */
function jsonOperand(v: Value): { ok: true; json: unknown } | { ok: false; problem: string } {
  if (typeof v === "string") {
    try {
      return { ok: true, json: JSON.parse(v) };
    } catch {
      return { ok: false, problem: "invalid JSON string" };
    }
  }
  if (Array.isArray(v) || isObject(v)) return { ok: true, json: toJSON(v) };
  return { ok: false, problem: "wrong type, expected string or object" };
}

const DRAFTS = /^https?:\/\/json-schema\.org\/draft-0[467]\/schema#?$/;

/** The schema as ajv takes it: a known draft's `$schema` dropped (read as draft-07). */
function forAjv(schema: unknown): unknown {
  if (schema !== null && typeof schema === "object" && !Array.isArray(schema)) {
    const s = schema as Record<string, unknown>;
    if (typeof s.$schema === "string" && DRAFTS.test(s.$schema)) {
      const { $schema: _, ...rest } = s;
      return rest;
    }
  }
  return schema;
}

/** Compiled schemas by their JSON text; a policy checks many documents against few schemas. */
const compiled = new Map<string, ValidateFunction>();
const KEPT_SCHEMAS = 64;

function compile(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (fn === undefined) {
    const v = validator();
    const target = forAjv(schema);
    if (typeof target !== "boolean" && (target === null || typeof target !== "object" || Array.isArray(target)))
      throw new Error("schema must be an object or a boolean");
    if (v.validateSchema(target) !== true) throw new Error(v.errorsText(v.errors));
    fn = v.compile(target);
    if (compiled.size >= KEPT_SCHEMAS) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, fn);
  }
  return fn;
}

function verifySchema(args: Value[]): Value {
  const operand = jsonOperand(args[0] as Value);
  if (!operand.ok) return [false, `jsonschema: ${operand.problem}`];
  try {
    compile(operand.json);
    return [true, null];
  } catch (err) {
    return [false, `jsonschema: ${(err as Error).message}`];
  }
}

function matchSchema(args: Value[]): Value {
  const doc = jsonOperand(args[0] as Value);
  if (!doc.ok) throw new BuiltinError("eval_builtin_error", `json.match_schema: ${doc.problem}`);
  const schema = jsonOperand(args[1] as Value);
  if (!schema.ok) throw new BuiltinError("eval_builtin_error", `json.match_schema: ${schema.problem}`);
  let fn: ValidateFunction;
  try {
    fn = compile(schema.json);
  } catch (err) {
    throw new BuiltinError("eval_builtin_error", `json.match_schema: ${(err as Error).message}`);
  }
  const valid = fn(doc.json) === true;
  const errors = valid ? [] : (fn.errors ?? []).map(describe);
  return [valid, errors];
}

/** gojsonschema's type name of a JSON value. */
function jsonType(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (typeof x === "number") return Number.isInteger(x) ? "integer" : "number";
  return typeof x;
}

const quoteList = (xs: unknown): string => (Array.isArray(xs) ? xs : [xs]).map((x) => JSON.stringify(x)).join(", ");

/** One ajv error as OPA reports a gojsonschema error. */
function describe(e: ErrorObject): Value {
  const segments =
    e.instancePath === ""
      ? []
      : e.instancePath
          .slice(1)
          .split("/")
          .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  const p = e.params as Record<string, unknown>;
  const field = segments.length === 0 ? "(root)" : segments.join(".");
  let type = e.keyword;
  let desc = e.message ?? e.keyword;
  const last = segments[segments.length - 1] ?? "(root)";
  switch (e.keyword) {
    case "type":
      type = "invalid_type";
      desc = `Invalid type. Expected: ${Array.isArray(p.type) ? (p.type as string[]).join(", ") : String(p.type)}, given: ${jsonType(valueAt(e))}`;
      break;
    case "required":
      desc = `${String(p.missingProperty)} is required`;
      break;
    case "enum":
      desc = `${last} must be one of the following: ${quoteList(p.allowedValues)}`;
      break;
    case "const":
      desc = `${last} does not match: ${quoteList(p.allowedValue)}`;
      break;
    case "minimum":
    case "exclusiveMinimum":
      type = e.keyword === "minimum" ? "number_gte" : "number_gt";
      desc = `Must be greater than${e.keyword === "minimum" ? " or equal to" : ""} ${String(p.limit)}`;
      break;
    case "maximum":
    case "exclusiveMaximum":
      type = e.keyword === "maximum" ? "number_lte" : "number_lt";
      desc = `Must be less than${e.keyword === "maximum" ? " or equal to" : ""} ${String(p.limit)}`;
      break;
    case "minLength":
      type = "string_gte";
      desc = `String length must be greater than or equal to ${String(p.limit)}`;
      break;
    case "maxLength":
      type = "string_lte";
      desc = `String length must be less than or equal to ${String(p.limit)}`;
      break;
    case "pattern":
      type = "pattern";
      desc = `Does not match pattern '${String(p.pattern)}'`;
      break;
    case "additionalProperties":
      type = "additional_property_not_allowed";
      desc = `Additional property ${String(p.additionalProperty)} is not allowed`;
      break;
    case "minItems":
      type = "array_min_items";
      desc = `Array must have at least ${String(p.limit)} items`;
      break;
    case "maxItems":
      type = "array_max_items";
      desc = `Array must have at most ${String(p.limit)} items`;
      break;
  }
  return makeObject([
    ["error", `${field}: ${desc}`],
    ["type", type],
    ["field", field],
    ["desc", desc],
  ]);
}

/** The failing value (ajv keeps it as `data` with verbose errors). */
function valueAt(e: ErrorObject): unknown {
  return (e as ErrorObject & { data?: unknown }).data;
}

export const jsonSchemaBuiltins: readonly BuiltinDef[] = [
  def("json.verify_schema", 1, verifySchema),
  def("json.match_schema", 2, matchSchema),
];
