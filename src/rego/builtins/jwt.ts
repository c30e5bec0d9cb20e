/**
 * io.jwt.*: decode, verify (per algorithm and with constraints) and
 * encode, as OPA's topdown/tokens.go, with Node's crypto (no JOSE code of
 * our own beyond the compact serialization). Keys for verification are a
 * PEM certificate or public key, or a JWK / JWK set (as OPA: a key whose
 * `kid` matches the token's is tried alone; keys with an `alg` other than
 * the token's are skipped). Signing keys are JWKs.
 *
 * Malformed tokens and keys are errors (eval_builtin_error); a signature
 * that does not verify is `false` (or [false, {}, {}] for decode_verify).
 */
import type { KeyObject } from "node:crypto";
import { nodeCrypto } from "./node-crypto.js";
import { type ObjectValue, type Value, RegoNumber, objectEntries, objectGet, objectHas } from "../value.js";
import { builtinError, def, obj, str, typeError } from "./args.js";
import { marshalJSON } from "./encoding.js";
import type { BuiltinContext, BuiltinDef } from "./types.js";

/** The JWS algorithms OPA verifies and signs with; each has its own io.jwt.verify_<alg> builtin. */
const ALG_NAMES = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "HS256",
  "HS384",
  "HS512",
  "EdDSA",
] as const;
type Alg = (typeof ALG_NAMES)[number];
const ALGS = new Set<string>(ALG_NAMES);
const isAlg = (s: string): s is Alg => ALGS.has(s);
const HASH: Record<string, string> = { "256": "sha256", "384": "sha384", "512": "sha512" };

interface Token {
  header: string;
  payload: string;
  signature: string;
}

function split(name: string, v: Value): Token {
  if (typeof v !== "string") throw typeError(name, 1, v, "string");
  if (!v.includes(".")) throw builtinError(name, "encoded JWT had no period separators");
  const parts = v.split(".");
  if (parts.length !== 3) throw builtinError(name, `encoded JWT must have 3 sections, found ${parts.length}`);
  return { header: parts[0]!, payload: parts[1]!, signature: parts[2]! };
}

/** base64url, padded or not, strictly (Buffer alone would skip stray characters); Go's message names the first bad byte. */
function b64url(name: string, s: string, what: string): Buffer {
  const bare = s.replace(/={1,2}$/, "");
  const bad = /[^A-Za-z0-9_-]/.exec(bare);
  if (bad || bare.length % 4 === 1)
    throw builtinError(
      name,
      `JWT ${what} had invalid encoding: illegal base64 data at input byte ${bad ? bad.index : bare.length}`,
    );
  return Buffer.from(bare, "base64url");
}

function jsonObject(name: string, text: string, what: string): ObjectValue {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw builtinError(name, `${what}invalid JSON: ${(err as Error).message}`);
  }
  if (v === null || typeof v !== "object" || Array.isArray(v))
    throw builtinError(name, `${what}decoded JSON type was not an Object`);
  return v as ObjectValue;
}

function decodeHeader(name: string, t: Token): ObjectValue {
  const header = jsonObject(name, b64url(name, t.header, "header").toString("utf8"), "bad JWT header: ");
  if (objectHas(header, "enc")) throw builtinError(name, "JWT is a JWE object, which is not supported");
  return header;
}

const headerString = (name: string, header: ObjectValue, key: string): string => {
  const v = objectGet(header, key);
  if (v === undefined) return "";
  if (typeof v !== "string") throw builtinError(name, `${key}: must be a string`);
  return v;
};

function decode(args: Value[]): Value {
  const name = "io.jwt.decode";
  const t = split(name, args[0] as Value);
  const header = decodeHeader(name, t);
  const payloadText = b64url(name, t.payload, "payload").toString("utf8");
  if (objectGet(header, "cty") === "JWT") return decode([payloadText.replace(/^["']+|["']+$/g, "")]);
  const payload = jsonObject(name, payloadText, "");
  return [header, payload, b64url(name, t.signature, "signature").toString("hex")];
}

// ---------------------------------------------------------------------------
// Keys

interface VerificationKey {
  key: KeyObject;
  alg: string;
  kid: string;
}

/** A PEM certificate or public key, or a JWK or JWK set, as OPA's getKeysFromCertOrJWK. */
function verificationKeys(name: string, text: string): VerificationKey[] {
  const pem = /^\s*-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----\s*/.exec(text);
  if (pem) {
    if (text.slice(pem[0].length).trim() !== "") throw builtinError(name, "extra data after a PEM certificate block");
    try {
      if (pem[1] === "CERTIFICATE")
        return [{ key: new (nodeCrypto().X509Certificate)(pem[0]).publicKey, alg: "", kid: "" }];
      if (pem[1] === "PUBLIC KEY") return [{ key: nodeCrypto().createPublicKey(pem[0]), alg: "", kid: "" }];
    } catch (err) {
      throw builtinError(
        name,
        `failed to parse a PEM ${pem[1] === "CERTIFICATE" ? "certificate" : "public key"}: ${(err as Error).message}`,
      );
    }
    throw builtinError(name, "failed to extract a Key from the PEM certificate");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw builtinError(name, `failed to parse a JWK key (set): ${(err as Error).message}`);
  }
  const jwks =
    parsed !== null && typeof parsed === "object" && Array.isArray((parsed as { keys?: unknown }).keys)
      ? (parsed as { keys: unknown[] }).keys
      : [parsed];
  const out: VerificationKey[] = [];
  for (const jwk of jwks) {
    if (jwk === null || typeof jwk !== "object")
      throw builtinError(name, "failed to parse a JWK key (set): not an object");
    const j = jwk as Record<string, unknown>;
    const alg = typeof j.alg === "string" ? j.alg : "";
    if (alg !== "" && !isAlg(alg)) continue;
    out.push({ key: jwkKey(name, j, false), alg, kid: typeof j.kid === "string" ? j.kid : "" });
  }
  return out;
}

/** A JWK as a key: an oct key is its secret; others public (or private, to sign). */
function jwkKey(name: string, jwk: Record<string, unknown>, forSigning: boolean): KeyObject {
  try {
    if (jwk.kty === "oct") return nodeCrypto().createSecretKey(Buffer.from(String(jwk.k ?? ""), "base64url"));
    const input = { key: jwk as import("node:crypto").JsonWebKey, format: "jwk" as const };
    return forSigning ? nodeCrypto().createPrivateKey(input) : nodeCrypto().createPublicKey(input);
  } catch (err) {
    throw builtinError(name, `failed to parse a JWK key: ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------------------
// Signatures

/** Whether `signature` over `data` verifies with `key` under `alg` (a key of the wrong type does not). */
function verifies(key: KeyObject, alg: Alg, data: Buffer, signature: Buffer): boolean {
  try {
    const hash = HASH[alg.slice(2)];
    const type = key.type === "secret" ? "secret" : key.asymmetricKeyType;
    switch (alg.slice(0, 2)) {
      case "HS": {
        if (type !== "secret") return false;
        const mac = nodeCrypto().createHmac(hash!, key).update(data).digest();
        return mac.length === signature.length && nodeCrypto().timingSafeEqual(mac, signature);
      }
      case "RS":
        return (
          type === "rsa" &&
          nodeCrypto().verify(hash!, data, { key, padding: nodeCrypto().constants.RSA_PKCS1_PADDING }, signature)
        );
      case "PS":
        return (
          (type === "rsa" || type === "rsa-pss") &&
          nodeCrypto().verify(
            hash!,
            data,
            {
              key,
              padding: nodeCrypto().constants.RSA_PKCS1_PSS_PADDING,
              saltLength: nodeCrypto().constants.RSA_PSS_SALTLEN_AUTO,
            },
            signature,
          )
        );
      case "ES":
        return type === "ec" && nodeCrypto().verify(hash!, data, { key, dsaEncoding: "ieee-p1363" }, signature);
      default:
        return type === "ed25519" && nodeCrypto().verify(null, data, key, signature);
    }
  } catch {
    return false;
  }
}

function signWith(name: string, key: KeyObject, alg: Alg, data: Buffer): Buffer {
  const hash = HASH[alg.slice(2)];
  try {
    switch (alg.slice(0, 2)) {
      case "HS":
        if (key.type !== "secret") throw new Error("an HMAC algorithm needs an oct key");
        return nodeCrypto().createHmac(hash!, key).update(data).digest();
      case "RS":
        return nodeCrypto().sign(hash!, data, { key, padding: nodeCrypto().constants.RSA_PKCS1_PADDING });
      case "PS":
        return nodeCrypto().sign(hash!, data, {
          key,
          padding: nodeCrypto().constants.RSA_PKCS1_PSS_PADDING,
          saltLength: nodeCrypto().constants.RSA_PSS_SALTLEN_DIGEST,
        });
      case "ES":
        return nodeCrypto().sign(hash!, data, { key, dsaEncoding: "ieee-p1363" });
      default:
        return nodeCrypto().sign(null, data, key);
    }
  } catch (err) {
    throw builtinError(name, `failed to sign: ${(err as Error).message}`);
  }
}

/** Tries the keys as OPA does: the one whose kid matches the token's alone, else each key of a fitting alg. */
function verifiesWithAny(keys: VerificationKey[], kid: string, alg: Alg, data: Buffer, signature: Buffer): boolean {
  if (kid !== "") {
    const byKid = keys.find((k) => k.kid === kid);
    if (byKid) return verifies(byKid.key, alg, data, signature);
  }
  return keys.some((k) => (k.alg === "" || k.alg === alg) && verifies(k.key, alg, data, signature));
}

/** io.jwt.verify_<alg>(jwt, key): the key is a PEM or JWK(S) text, or the HMAC secret. */
function verifyBuiltin(alg: Alg): BuiltinDef {
  const name = `io.jwt.verify_${alg.toLowerCase()}`;
  return def(name, 2, (args) => {
    const t = split(name, args[0] as Value);
    const keyText = str(name, args, 1);
    const data = Buffer.from(`${t.header}.${t.payload}`);
    if (alg.startsWith("HS"))
      return verifies(
        nodeCrypto().createSecretKey(Buffer.from(keyText, "utf8")),
        alg,
        data,
        b64url(name, t.signature, "signature"),
      );
    const keys = verificationKeys(name, keyText);
    const signature = b64url(name, t.signature, "signature");
    const header = decodeHeader(name, t);
    return verifiesWithAny(keys, headerString(name, header, "kid"), alg, data, signature);
  });
}

// ---------------------------------------------------------------------------
// decode_verify

interface Constraints {
  keys?: VerificationKey[];
  secret: string;
  alg: string;
  iss: string;
  aud: string;
  /** Nanoseconds. */
  time: number;
}

const UNVERIFIED: Value = [false, {}, {}];

function asNumber(v: Value): number | undefined {
  return typeof v === "number" ? v : v instanceof RegoNumber ? v.value : undefined;
}

function constraintsOf(name: string, o: ObjectValue, ctx: BuiltinContext): Constraints {
  const c: Constraints = { secret: "", alg: "", iss: "", aud: "", time: -1 };
  const text = (k: string, v: Value): string => {
    if (typeof v !== "string") throw builtinError(name, `${k} constraint: must be a string`);
    return v;
  };
  for (const [k, v] of objectEntries(o)) {
    switch (k) {
      case "cert":
        c.keys = verificationKeys(name, text("cert", v));
        break;
      case "secret":
        c.secret = text("secret", v);
        break;
      case "alg":
      case "iss":
      case "aud":
        c[k] = text(k, v);
        break;
      case "time": {
        const n = asNumber(v);
        if (n === undefined) throw builtinError(name, "token time constraint: must be a number");
        if (n < 0) throw builtinError(name, "token time constraint: must not be negative");
        c.time = n;
        break;
      }
      default:
        throw builtinError(
          name,
          `unknown token validation constraint: ${typeof k === "string" ? k : JSON.stringify(k)}`,
        );
    }
  }
  if (c.time === -1) c.time = Number(ctx.nowNs);
  const keyConstraints = (c.keys !== undefined ? 1 : 0) + (c.secret !== "" ? 1 : 0);
  if (keyConstraints > 1) throw builtinError(name, "duplicate key constraints");
  if (keyConstraints < 1) throw builtinError(name, "no key constraint");
  return c;
}

function decodeVerify(args: Value[], ctx: BuiltinContext): Value {
  const name = "io.jwt.decode_verify";
  const c = constraintsOf(name, obj(name, args, 1), ctx);
  let jwt = args[0] as Value;
  let header: ObjectValue;
  let payloadText: string;
  for (;;) {
    const t = split(name, jwt);
    header = decodeHeader(name, t);
    const alg = headerString(name, header, "alg");
    const kid = headerString(name, header, "kid");
    const cty = headerString(name, header, "cty");
    headerString(name, header, "typ");
    if (!headerValid(name, header, alg)) return UNVERIFIED;
    if (c.alg !== "" && c.alg !== alg) return UNVERIFIED;
    const signature = b64url(name, t.signature, "signature");
    if (!isAlg(alg)) return UNVERIFIED;
    const data = Buffer.from(`${t.header}.${t.payload}`);
    const ok =
      c.keys !== undefined
        ? verifiesWithAny(c.keys, kid, alg, data, signature)
        : verifies(nodeCrypto().createSecretKey(Buffer.from(c.secret, "utf8")), alg, data, signature);
    if (!ok) return UNVERIFIED;
    payloadText = b64url(name, t.payload, "payload").toString("utf8");
    if (cty.toUpperCase() !== "JWT") break;
    jwt = payloadText; // nested token: verify it in turn
  }
  const payload = jsonObject(name, payloadText, "");
  if (c.iss !== "" && objectGet(payload, "iss") !== c.iss) return UNVERIFIED;
  const aud = objectGet(payload, "aud");
  if (aud !== undefined ? !validAudience(aud, c.aud) : c.aud !== "") return UNVERIFIED;
  const seconds = c.time / 1e9;
  const exp = objectGet(payload, "exp");
  if (exp !== undefined) {
    const n = asNumber(exp);
    if (n === undefined) throw builtinError(name, "exp value must be a number");
    if (seconds >= n) return UNVERIFIED;
  }
  const nbf = objectGet(payload, "nbf");
  if (nbf !== undefined) {
    const n = asNumber(nbf);
    if (n === undefined) throw builtinError(name, "nbf value must be a number");
    if (seconds < n) return UNVERIFIED;
  }
  return [true, header, payload];
}

/** RFC 7515: alg must be there, and every critical parameter must be one we know. */
function headerValid(name: string, header: ObjectValue, alg: string): boolean {
  if (alg === "") return false;
  const crit = objectGet(header, "crit");
  if (crit === undefined) return true;
  if (!Array.isArray(crit)) throw builtinError(name, "crit: must be a list");
  if (crit.length === 0) throw builtinError(name, "crit: must be a nonempty list");
  const known = new Set(["alg", "kid", "typ", "cty", "crit"]);
  return crit.every((k) => typeof k !== "string" || known.has(k) || !objectHas(header, k));
}

function validAudience(aud: Value, want: string): boolean {
  if (typeof aud === "string") return aud === want;
  return Array.isArray(aud) && aud.some((a) => a === want);
}

// ---------------------------------------------------------------------------
// encode

function encode(name: string, headerText: string, payloadText: string, keyText: string): string {
  let jwk: unknown;
  try {
    jwk = JSON.parse(keyText);
  } catch (err) {
    throw builtinError(name, `failed to parse a JWK key: ${(err as Error).message}`);
  }
  if (jwk !== null && typeof jwk === "object" && Array.isArray((jwk as { keys?: unknown }).keys)) {
    jwk = (jwk as { keys: unknown[] }).keys[0];
    if (jwk === undefined) throw builtinError(name, "no keys found in JWK set");
  }
  if (jwk === null || typeof jwk !== "object" || Array.isArray(jwk))
    throw builtinError(name, "failed to parse a JWK key: not an object");
  let headers: Record<string, unknown>;
  try {
    headers = JSON.parse(headerText) as Record<string, unknown>;
  } catch {
    throw builtinError(name, "missing or invalid 'alg' header: headers are not JSON");
  }
  const alg = headers?.alg;
  if (typeof alg !== "string") throw builtinError(name, "missing or invalid 'alg' header");
  if (!isAlg(alg)) throw builtinError(name, `unknown JWS algorithm: ${alg}`);
  const typ = headers.typ;
  if ((typeof typ !== "string" || typ === "JWT") && !isJSON(payloadText))
    throw builtinError(name, "type is JWT but payload is not JSON");
  const key = jwkKey(name, jwk as Record<string, unknown>, true);
  const signingInput = `${Buffer.from(headerText, "utf8").toString("base64url")}.${Buffer.from(payloadText, "utf8").toString("base64url")}`;
  return `${signingInput}.${signWith(name, key, alg, Buffer.from(signingInput)).toString("base64url")}`;
}

function isJSON(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

export const jwtBuiltins: readonly BuiltinDef[] = [
  def("io.jwt.decode", 1, decode),
  def("io.jwt.decode_verify", 2, decodeVerify),
  ...ALG_NAMES.map(verifyBuiltin),
  // The header, payload and key are JSON as Go marshals it (sorted keys), so tokens match OPA's byte for byte.
  def("io.jwt.encode_sign", 3, (args) => {
    const name = "io.jwt.encode_sign";
    return encode(name, marshalJSON(args[0] as Value), marshalJSON(args[1] as Value), marshalJSON(args[2] as Value));
  }),
  def("io.jwt.encode_sign_raw", 3, (args) => {
    const name = "io.jwt.encode_sign_raw";
    return encode(name, str(name, args, 0), str(name, args, 1), str(name, args, 2));
  }),
];
