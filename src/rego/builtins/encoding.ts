/**
 * Encodings: JSON, YAML, base64, base64url, hex, URL query strings.
 * Decoders are strict where Go's are (padding, alphabet, escapes), because
 * policies use the *.is_valid forms to check input.
 */
import YAML from "yaml";
import {
  type Value,
  RegoNumber,
  RegoSet,
  makeObject,
  objectEntries,
  sortedEntries,
  sortedMembers,
  toJSON,
} from "../value.js";
import { builtinError, def, limitError, obj, str, typeError } from "./args.js";
import type { BuiltinDef } from "./types.js";

// ---------------------------------------------------------------------------
// JSON

/** Go's encoding/json escapes <, >, & and the JS line separators. */
function goJSONEscapes(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/**
 * toJSON (sets -> sorted arrays, keys sorted), except that a RegoNumber stays
 * in place, to be written as its text; `found.text` tells whether there was one.
 */
function plainKeepingText(v: Value, found: { text: boolean }): unknown {
  if (v instanceof RegoNumber) {
    found.text = true;
    return v;
  }
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => plainKeepingText(x, found));
  if (v instanceof RegoSet) return sortedMembers(v).map((x) => plainKeepingText(x, found));
  const out: Record<string, unknown> = {};
  for (const [k, x] of sortedEntries(v)) {
    // A non-string key is written as its JSON text, as OPA's ast.JSON encodes it.
    const name = typeof k === "string" ? k : stringifyKeepingText(plainKeepingText(k, found), undefined, 0);
    Object.defineProperty(out, name, {
      value: plainKeepingText(x, found),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** JSON.stringify's output (compact, or indented by `tab`), with each RegoNumber as its text. */
function stringifyKeepingText(x: unknown, tab: string | undefined, depth: number): string {
  if (x instanceof RegoNumber) return x.text;
  if (x === null || typeof x !== "object") return JSON.stringify(x);
  const items: string[] = Array.isArray(x)
    ? x.map((e) => stringifyKeepingText(e, tab, depth + 1))
    : Object.keys(x).map(
        (k) =>
          JSON.stringify(k) +
          (tab === undefined ? ":" : ": ") +
          stringifyKeepingText((x as Record<string, unknown>)[k], tab, depth + 1),
      );
  const [open, close] = Array.isArray(x) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  if (tab === undefined) return open + items.join(",") + close;
  const inner = tab.repeat(depth + 1);
  return open + "\n" + inner + items.join(",\n" + inner) + "\n" + tab.repeat(depth) + close;
}

/**
 * json.marshal. OPA marshals a number as its text (ast.JSON gives a
 * json.Number), so json.marshal(1.0) is "1.0" and json.marshal([1e3]) "[1e3]".
 */
export function marshalJSON(v: Value, indent?: { prefix: string; indent: string }): string {
  const found = { text: false };
  const plain = plainKeepingText(v, found);
  const stringify = (tab: string | undefined): string =>
    found.text ? stringifyKeepingText(plain, tab, 0) : JSON.stringify(plain, null, tab);
  if (indent === undefined) return goJSONEscapes(stringify(undefined));
  // Indent with tabs (JSON.stringify escapes tabs inside strings, so a raw
  // tab is always indentation) and then substitute, so that an empty indent
  // still breaks lines as Go's MarshalIndent does.
  const lines = stringify("\t").split("\n");
  const out = lines.map((line, i) => {
    const depth = /^\t*/.exec(line)![0].length;
    return (i === 0 ? "" : indent.prefix) + indent.indent.repeat(depth) + goJSONEscapes(line.slice(depth));
  });
  return out.join("\n");
}

/** Converts parsed JSON/YAML (plain JS) into Rego values. */
function fromJS(name: string, x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case "boolean":
    case "string":
      return x;
    case "number":
      if (!Number.isFinite(x)) throw builtinError(name, `unsupported value: ${x}`);
      return x;
    case "bigint":
      return Number(x);
    case "object":
      break;
    default:
      throw builtinError(name, `unsupported value of type ${typeof x}`);
  }
  if (Array.isArray(x)) return x.map((e) => fromJS(name, e));
  if (x instanceof Date) return x.toISOString().replace(".000Z", "Z");
  if (x instanceof Map) return makeObject([...x].map(([k, v]) => [String(k), fromJS(name, v)] as [Value, Value]));
  if (x instanceof Set) return [...x].map((e) => fromJS(name, e));
  return makeObject(Object.keys(x).map((k) => [k, fromJS(name, (x as Record<string, unknown>)[k])] as [Value, Value]));
}

function unmarshalJSON(s: string): Value {
  try {
    // JSON.parse returns only JSON types; no conversion needed, and
    // "__proto__" keys are own properties.
    return JSON.parse(s) as Value;
  } catch (e) {
    throw builtinError("json.unmarshal", (e as Error).message);
  }
}

function marshalWithOptions(args: Value[]): Value {
  const name = "json.marshal_with_options";
  const opts = obj(name, args, 1);
  let pretty: boolean | undefined;
  let prefix: string | undefined;
  let indent: string | undefined;
  for (const [k, v] of objectEntries(opts)) {
    if (k === "pretty") {
      if (typeof v !== "boolean") throw builtinError(name, "pretty must be a boolean");
      pretty = v;
    } else if (k === "prefix") {
      if (typeof v !== "string") throw builtinError(name, "prefix must be a string");
      prefix = v;
    } else if (k === "indent") {
      if (typeof v !== "string") throw builtinError(name, "indent must be a string");
      indent = v;
    } else {
      throw builtinError(name, `object contained unknown key ${JSON.stringify(k)}`);
    }
  }
  // An explicit prefix or indent implies pretty output unless pretty is false.
  if (pretty === undefined) pretty = prefix !== undefined || indent !== undefined;
  if (!pretty) return marshalJSON(args[0] as Value);
  return marshalJSON(args[0] as Value, { prefix: prefix ?? "", indent: indent ?? "\t" });
}

// ---------------------------------------------------------------------------
// YAML

function marshalYAML(v: Value): string {
  // Through JSON first, as OPA does (sigs.k8s.io/yaml): sets become arrays.
  // YAML 1.1 quoting, so that "yes" or "on" stay strings when read back.
  return YAML.stringify(toJSON(v), { version: "1.1", indentSeq: false, sortMapEntries: true, lineWidth: 0 });
}

function unmarshalYAML(name: string, s: string): Value {
  // YAML 1.1, as Go's yaml.v2 reads it (yes/no are booleans).
  const docs = YAML.parseAllDocuments(s, { version: "1.1", uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) return null;
  // A syntax error in any document fails the call (OPA: yaml.is_valid is
  // false for "a: 1\n---\n\tb: 2"), though only the first is the value.
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) throw builtinError(name, broken.errors[0]!.message);
  const doc = list[0]!;
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The yaml package's guard against alias bombs ("billion laughs").
    if (err instanceof ReferenceError && /alias/i.test(err.message))
      throw limitError(name, "the document expands more than 100 aliases");
    throw err;
  }
  return fromJS(name, js);
}

// ---------------------------------------------------------------------------
// base64, hex

const STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const URL = /^(?:[A-Za-z0-9\-_]{4})*(?:[A-Za-z0-9\-_]{2}==|[A-Za-z0-9\-_]{3}=)?$/;

function decodeBase64(name: string, s: string, alphabet: RegExp): string {
  const clean = s.replace(/[\r\n]/g, ""); // Go's decoder skips newlines
  if (!alphabet.test(clean)) throw builtinError(name, "illegal base64 data");
  return Buffer.from(clean, alphabet === STD ? "base64" : "base64url").toString("utf8");
}

/** base64url.decode accepts unpadded input (RFC 7515 appendix C), as OPA. */
function padBase64Url(name: string, s: string): string {
  if (s.endsWith("=")) return s;
  switch (s.length % 4) {
    case 0:
      return s;
    case 2:
      return s + "==";
    case 3:
      return s + "=";
    default:
      throw builtinError(name, `illegal base64url string: ${s}`);
  }
}

function hexDecode(s: string): string {
  // Go's hex.Decode reports the first invalid byte before an odd length
  // (the last, unpaired byte is checked too), so "fghijkl" names 'g'.
  const bad = /[^0-9a-fA-F]/.exec(s);
  if (bad)
    throw builtinError(
      "hex.decode",
      `encoding/hex: invalid byte: U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} ${JSON.stringify(bad[0]).replaceAll('"', "'")}`,
    );
  if (s.length % 2 !== 0) throw builtinError("hex.decode", "encoding/hex: odd length hex string");
  return Buffer.from(s, "hex").toString("utf8");
}

// ---------------------------------------------------------------------------
// URL query strings, as Go's net/url

function queryEscape(s: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

function queryUnescape(name: string, s: string): string {
  const bytes: number[] = [];
  const raw = Buffer.from(s, "utf8");
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b === 0x25 /* % */) {
      const hex = raw.subarray(i + 1, i + 3).toString("latin1");
      if (!/^[0-9a-fA-F]{2}$/.test(hex))
        throw builtinError(name, `invalid URL escape ${JSON.stringify(raw.subarray(i, i + 3).toString("utf8"))}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (b === 0x2b /* + */) bytes.push(0x20);
    else bytes.push(b);
  }
  return Buffer.from(bytes).toString("utf8");
}

function encodeObject(args: Value[]): Value {
  const name = "urlquery.encode_object";
  const o = obj(name, args, 0);
  const parts: string[] = [];
  // Go's url.Values.Encode sorts by key.
  const entries = [...objectEntries(o)].sort((a, b) =>
    String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0,
  );
  for (const [k, v] of entries) {
    if (typeof k !== "string") throw typeError(name, 1, o, "object[string: string | array[string] | set[string]]");
    let values: Value[];
    if (typeof v === "string") values = [v];
    else if (Array.isArray(v)) values = v;
    else if (v instanceof RegoSet) values = sortedMembers(v);
    else throw builtinError(name, "operand 1 values must be string, array[string], or set[string]");
    for (const x of values) {
      if (typeof x !== "string")
        throw builtinError(name, "operand 1 values must be string, array[string], or set[string]");
      parts.push(queryEscape(k) + "=" + queryEscape(x));
    }
  }
  return parts.join("&");
}

function decodeObject(args: Value[]): Value {
  const name = "urlquery.decode_object";
  const s = str(name, args, 0);
  const out = new Map<string, string[]>();
  for (const part of s.split("&")) {
    if (part === "") continue;
    if (part.includes(";")) throw builtinError(name, "invalid semicolon separator in query");
    const eq = part.indexOf("=");
    const k = queryUnescape(name, eq < 0 ? part : part.slice(0, eq));
    const v = queryUnescape(name, eq < 0 ? "" : part.slice(eq + 1));
    const list = out.get(k) ?? [];
    list.push(v);
    out.set(k, list);
  }
  return makeObject([...out].map(([k, v]) => [k, v] as [Value, Value]));
}

function isValid(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

export const encodingBuiltins: readonly BuiltinDef[] = [
  def("json.marshal", 1, (args) => marshalJSON(args[0] as Value)),
  def("json.marshal_with_options", 2, marshalWithOptions),
  def("json.unmarshal", 1, (args) => unmarshalJSON(str("json.unmarshal", args, 0))),
  def("json.is_valid", 1, (args) => typeof args[0] === "string" && isValid(() => JSON.parse(args[0] as string))),
  def("yaml.marshal", 1, (args) => marshalYAML(args[0] as Value)),
  def("yaml.unmarshal", 1, (args) => unmarshalYAML("yaml.unmarshal", str("yaml.unmarshal", args, 0))),
  def(
    "yaml.is_valid",
    1,
    (args) => typeof args[0] === "string" && isValid(() => unmarshalYAML("yaml.is_valid", args[0] as string)),
  ),
  def("base64.encode", 1, (args) => Buffer.from(str("base64.encode", args, 0), "utf8").toString("base64")),
  def("base64.decode", 1, (args) => decodeBase64("base64.decode", str("base64.decode", args, 0), STD)),
  def(
    "base64.is_valid",
    1,
    (args) => typeof args[0] === "string" && STD.test((args[0] as string).replace(/[\r\n]/g, "")),
  ),
  def("base64url.encode", 1, (args) => {
    const b = Buffer.from(str("base64url.encode", args, 0), "utf8").toString("base64url");
    return b + "=".repeat((4 - (b.length % 4)) % 4);
  }),
  def("base64url.encode_no_pad", 1, (args) =>
    Buffer.from(str("base64url.encode_no_pad", args, 0), "utf8").toString("base64url"),
  ),
  def("base64url.decode", 1, (args) => {
    const s = str("base64url.decode", args, 0);
    return decodeBase64("base64url.decode", padBase64Url("base64url.decode", s), URL);
  }),
  def("hex.encode", 1, (args) => Buffer.from(str("hex.encode", args, 0), "utf8").toString("hex")),
  def("hex.decode", 1, (args) => hexDecode(str("hex.decode", args, 0))),
  def("urlquery.encode", 1, (args) => queryEscape(str("urlquery.encode", args, 0))),
  def("urlquery.decode", 1, (args) => queryUnescape("urlquery.decode", str("urlquery.decode", args, 0))),
  def("urlquery.encode_object", 1, encodeObject),
  def("urlquery.decode_object", 1, decodeObject),
];
