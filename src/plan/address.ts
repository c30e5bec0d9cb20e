/**
 * Terraform resource addresses: `module.a["x"].module.b.aws_s3_bucket.logs[0]`.
 * Parsing keeps instance keys apart from names so that an instance can be
 * mapped to the configuration block it comes from.
 */

export interface ModuleStep {
  name: string;
  /** The instance key of a module call with count or for_each. */
  key?: string | number;
}

export interface ParsedAddress {
  modules: ModuleStep[];
  mode: "managed" | "data";
  type: string;
  name: string;
  key?: string | number;
}

/** Parses a resource instance address; returns undefined when it is not one. */
export function parseAddress(address: string): ParsedAddress | undefined {
  const steps = splitSteps(address);
  if (!steps) return undefined;
  const modules: ModuleStep[] = [];
  let i = 0;
  while (i < steps.length && steps[i]!.name === "module" && i + 1 < steps.length) {
    const call = steps[i + 1]!;
    if (steps[i]!.key !== undefined) return undefined;
    modules.push(call.key === undefined ? { name: call.name } : { name: call.name, key: call.key });
    i += 2;
  }
  let mode: "managed" | "data" = "managed";
  if (steps[i]?.name === "data" && steps[i]!.key === undefined) {
    mode = "data";
    i++;
  }
  if (steps.length - i !== 2) return undefined;
  const typeStep = steps[i]!;
  const nameStep = steps[i + 1]!;
  if (typeStep.key !== undefined) return undefined;
  const parsed: ParsedAddress = { modules, mode, type: typeStep.name, name: nameStep.name };
  if (nameStep.key !== undefined) parsed.key = nameStep.key;
  return parsed;
}

/** `module.a.module.b` for a parsed address's module path, "" for the root. */
function modulePath(modules: readonly ModuleStep[], withKeys: boolean): string {
  return modules.map((m) => "module." + m.name + (withKeys && m.key !== undefined ? formatKey(m.key) : "")).join(".");
}

/**
 * The address of the configuration block an instance comes from: instance
 * keys removed at every level (`module.a.aws_x.y`).
 */
export function configAddressOf(address: string): string {
  // Without instance keys an address is its own configuration address.
  if (!address.includes("[")) return address;
  // Nearly every address of a plan of for_each modules has keys; the usual shape is checked and stripped natively.
  if (PLAIN_INSTANCE_ADDRESS.test(address)) return stripInstanceKeys(address);
  const parsed = parseAddress(address);
  if (!parsed) return address;
  return joinAddress(
    modulePath(parsed.modules, false),
    (parsed.mode === "data" ? "data." : "") + parsed.type + "." + parsed.name,
  );
}

/**
 * An instance address of plain names (letters, digits, `_`, `-`) and keys
 * without escapes, which parseAddress reads as `module.<call>` pairs, an
 * optional `data`, an unkeyed type and a name: its configuration address is
 * the address without its keys. A type named `module` or `data` (which
 * parseAddress reads otherwise) and anything unusual are left to the parser.
 */
const PLAIN_INSTANCE_ADDRESS =
  /^(?:module\.[\w-]+(?:\[(?:\d+|"[^"\\]*")\])?\.)*(?:data\.)?(?!module\.|data\.)[\w-]+\.[\w-]+(?:\[(?:\d+|"[^"\\]*")\])?$/;

export function joinAddress(modulePrefix: string, local: string): string {
  return modulePrefix === "" ? local : modulePrefix + "." + local;
}

export function formatKey(key: string | number): string {
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

interface Step {
  name: string;
  key?: string | number;
}

/** Splits `a.b["k.1"][0]` into steps; undefined for malformed input. */
function splitSteps(address: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    let j = i;
    while (j < n && address[j] !== "." && address[j] !== "[") j++;
    if (j === i) return undefined;
    const step: Step = { name: address.slice(i, j) };
    i = j;
    if (address[i] === "[") {
      const key = readKey(address, i);
      if (!key) return undefined;
      step.key = key.value;
      i = key.end;
    }
    steps.push(step);
    if (i < n) {
      if (address[i] !== ".") return undefined;
      i++;
      if (i === n) return undefined;
    }
  }
  return steps.length > 0 ? steps : undefined;
}

function readKey(s: string, open: number): { value: string | number; end: number } | undefined {
  let i = open + 1;
  if (s[i] === '"') {
    let out = "";
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === "\\" && i + 1 < s.length) {
        out += s[i + 1];
        i += 2;
      } else {
        out += s[i];
        i++;
      }
    }
    if (s[i] !== '"' || s[i + 1] !== "]") return undefined;
    return { value: out, end: i + 2 };
  }
  const close = s.indexOf("]", i);
  if (close < 0) return undefined;
  const digits = s.slice(i, close);
  if (!/^\d+$/.test(digits)) return undefined;
  return { value: Number(digits), end: close + 1 };
}

/** Removes every instance key (`[0]`, `["k"]`) from an address. */
export function stripInstanceKeys(address: string): string {
  // A quoted key may itself contain brackets and escaped quotes.
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, "");
}
