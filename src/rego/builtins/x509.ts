/**
 * crypto.x509.parse_certificates, crypto.x509.parse_and_verify_certificates,
 * crypto.x509.parse_rsa_private_key and crypto.parse_private_keys, with
 * Node's crypto (X509Certificate, createPrivateKey).
 *
 * OPA returns Go's x509.Certificate as JSON; planguard gives the fields
 * policies read, under Go's names: Version, SerialNumber, Issuer and
 * Subject (CommonName, Country, Organization, OrganizationalUnit,
 * Locality, Province, StreetAddress, PostalCode, SerialNumber, Names),
 * NotBefore, NotAfter, DNSNames, EmailAddresses, IPAddresses, URIs,
 * IsCA, BasicConstraintsValid, ExtKeyUsage, PublicKeyAlgorithm,
 * SignatureAlgorithm (Go's enum numbers) and Raw (base64 DER). Absent
 * lists are null, as Go marshals a nil slice. Private keys come back as
 * JWK objects, as OPA's.
 */
import type { X509Certificate } from "node:crypto";
import { nodeCrypto } from "./node-crypto.js";
import { type Value, makeObject, numberFromText } from "../value.js";
import { builtinError, def, str } from "./args.js";
import type { BuiltinContext, BuiltinDef } from "./types.js";

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** The DER bytes of each certificate in PEM, base64 DER or base64 PEM text (as OPA's getX509CertsFromString). */
function certificateDers(name: string, text: string): Buffer[] {
  let pemText = text;
  if (!text.trimStart().startsWith("-----BEGIN")) {
    const clean = text.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw builtinError(name, "illegal base64 data");
    const bytes = Buffer.from(clean, "base64");
    const asText = bytes.toString("latin1");
    if (!asText.trimStart().startsWith("-----BEGIN")) return splitDer(name, bytes);
    pemText = asText;
  }
  const ders: Buffer[] = [];
  for (const m of pemText.matchAll(PEM_BLOCK)) {
    if (m[1] !== "CERTIFICATE") continue;
    const body = m[0].replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
    ders.push(Buffer.from(body, "base64"));
  }
  if (ders.length === 0) throw builtinError(name, "failed to find any PEM certificate block");
  return ders;
}

/** Concatenated DER certificates, each an ASN.1 SEQUENCE with its length. */
function splitDer(name: string, bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < bytes.length) {
    const el = derElement(bytes, i);
    if (el === undefined || bytes[i] !== 0x30) throw builtinError(name, "x509: malformed certificate");
    out.push(bytes.subarray(i, el.end));
    i = el.end;
  }
  return out;
}

/** An ASN.1 DER element at `at`: where its content starts and where it ends. */
function derElement(b: Buffer, at: number): { start: number; end: number } | undefined {
  if (at + 2 > b.length) return undefined;
  let len = b[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > b.length) return undefined;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + b[start + k]!;
    start += n;
  }
  const end = start + len;
  return end <= b.length ? { start, end } : undefined;
}

/** The OID of the certificate's signatureAlgorithm (the second element of the outer SEQUENCE). */
function signatureOid(der: Buffer): string | undefined {
  const outer = derElement(der, 0);
  if (!outer) return undefined;
  const tbs = derElement(der, outer.start);
  if (!tbs) return undefined;
  const alg = derElement(der, tbs.end);
  if (!alg || der[alg.start] !== 0x06) return undefined;
  const oid = derElement(der, alg.start);
  if (!oid) return undefined;
  const bytes = der.subarray(oid.start, oid.end);
  const parts = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
  let v = 0;
  for (const x of bytes.subarray(1)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

/** Go's x509.SignatureAlgorithm numbers by OID. */
const SIGNATURE_ALGORITHMS: Record<string, number> = {
  "1.2.840.113549.1.1.4": 2, // MD5WithRSA
  "1.2.840.113549.1.1.5": 3, // SHA1WithRSA
  "1.2.840.113549.1.1.11": 4,
  "1.2.840.113549.1.1.12": 5,
  "1.2.840.113549.1.1.13": 6,
  "1.2.840.10045.4.1": 9, // ECDSAWithSHA1
  "1.2.840.10045.4.3.2": 10,
  "1.2.840.10045.4.3.3": 11,
  "1.2.840.10045.4.3.4": 12,
  "1.2.840.113549.1.1.10": 13, // RSASSA-PSS (Go tells SHA-256/384/512 apart by parameters; 13 is SHA256WithRSAPSS)
  "1.3.101.112": 16, // PureEd25519
};

const BASIC_CONSTRAINTS_OID = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x13]);

/** Go's x509.PublicKeyAlgorithm numbers. */
const PUBLIC_KEY_ALGORITHMS: Record<string, number> = { rsa: 1, "rsa-pss": 1, dsa: 2, ec: 3, ed25519: 4 };

/** Go's x509.ExtKeyUsage numbers by OID. */
const EXT_KEY_USAGES: Record<string, number> = {
  "2.5.29.37.0": 0,
  "1.3.6.1.5.5.7.3.1": 1,
  "1.3.6.1.5.5.7.3.2": 2,
  "1.3.6.1.5.5.7.3.3": 3,
  "1.3.6.1.5.5.7.3.4": 4,
  "1.3.6.1.5.5.7.3.5": 5,
  "1.3.6.1.5.5.7.3.6": 6,
  "1.3.6.1.5.5.7.3.7": 7,
  "1.3.6.1.5.5.7.3.8": 8,
  "1.3.6.1.5.5.7.3.9": 9,
};

/** pkix.Name attributes: OpenSSL's short name, Go's field, the OID. */
const NAME_FIELDS: [string, string, number[]][] = [
  ["C", "Country", [2, 5, 4, 6]],
  ["O", "Organization", [2, 5, 4, 10]],
  ["OU", "OrganizationalUnit", [2, 5, 4, 11]],
  ["L", "Locality", [2, 5, 4, 7]],
  ["ST", "Province", [2, 5, 4, 8]],
  ["street", "StreetAddress", [2, 5, 4, 9]],
  ["postalCode", "PostalCode", [2, 5, 4, 17]],
  ["serialNumber", "SerialNumber", [2, 5, 4, 5]],
  ["CN", "CommonName", [2, 5, 4, 3]],
];

/** A distinguished name as Node prints it ("C=DE\nCN=x"), as Go's pkix.Name. */
function pkixName(dn: string | undefined): Value {
  const lists: Record<string, string[]> = {};
  const names: Value[] = [];
  for (const line of (dn ?? "").split("\n")) {
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const short = line.slice(0, eq);
    let value = line.slice(eq + 1);
    if (value.startsWith('"') && value.endsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        /* keep as printed */
      }
    }
    const field = NAME_FIELDS.find(([s]) => s === short);
    if (!field) continue;
    (lists[field[1]] ??= []).push(value);
    names.push(
      makeObject([
        ["Type", field[2]],
        ["Value", value],
      ]),
    );
  }
  const entries: [Value, Value][] = [];
  for (const [, goName] of NAME_FIELDS) {
    const vs = lists[goName];
    if (goName === "CommonName" || goName === "SerialNumber") entries.push([goName, vs?.[vs.length - 1] ?? ""]);
    else entries.push([goName, vs ?? null]);
  }
  entries.push(["Names", names.length > 0 ? names : null], ["ExtraNames", null]);
  return makeObject(entries);
}

/** The subjectAltName entries Node prints ("DNS:a, IP Address:1.2.3.4, email:x, URI:y"), by kind. */
function altNames(san: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Node quotes an entry holding ", " as JSON; plain ones are split on ", ".
  for (const m of (san ?? "").matchAll(/(DNS|IP Address|email|URI):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g)) {
    let v = m[2]!;
    if (v.startsWith('"')) v = JSON.parse(v) as string;
    (out[m[1]!] ??= []).push(v);
  }
  return out;
}

function goURL(s: string): Value {
  let u: URL | undefined;
  try {
    u = new URL(s);
  } catch {
    u = undefined;
  }
  const opaque = u !== undefined && !s.slice(u.protocol.length).startsWith("//");
  return makeObject([
    ["Scheme", u ? u.protocol.replace(/:$/, "") : ""],
    ["Opaque", u && opaque ? s.slice(u.protocol.length) : ""],
    ["User", null],
    ["Host", u && !opaque ? u.host : ""],
    ["Path", u && !opaque ? decodeURIComponent(u.pathname) : u ? "" : s],
    ["RawPath", ""],
    ["OmitHost", false],
    ["ForceQuery", false],
    ["RawQuery", u ? u.search.replace(/^\?/, "") : ""],
    ["Fragment", u ? decodeURIComponent(u.hash.replace(/^#/, "")) : ""],
    ["RawFragment", ""],
  ]);
}

/** Go's time.Time JSON: RFC 3339 in UTC. */
const rfc3339 = (s: string): string => new Date(s).toISOString().replace(".000Z", "Z");

function certificateValue(cert: X509Certificate, der: Buffer): Value {
  const san = altNames(cert.subjectAltName);
  const list = (xs: string[] | undefined): Value => (xs && xs.length > 0 ? xs : null);
  const eku = (cert.keyUsage ?? []).map((oid) => EXT_KEY_USAGES[oid]).filter((n): n is number => n !== undefined);
  const oid = signatureOid(der);
  return makeObject([
    ["Raw", der.toString("base64")],
    ["Version", 3],
    ["SerialNumber", numberFromText(BigInt(`0x${cert.serialNumber}`).toString())],
    ["Issuer", pkixName(cert.issuer)],
    ["Subject", pkixName(cert.subject)],
    ["NotBefore", rfc3339(cert.validFrom)],
    ["NotAfter", rfc3339(cert.validTo)],
    ["DNSNames", list(san.DNS)],
    ["EmailAddresses", list(san.email)],
    ["IPAddresses", list(san["IP Address"])],
    ["URIs", san.URI ? san.URI.map(goURL) : null],
    ["IsCA", cert.ca],
    // Whether the certificate has a basicConstraints extension (its OID 2.5.29.19 in the DER).
    ["BasicConstraintsValid", der.includes(BASIC_CONSTRAINTS_OID)],
    ["ExtKeyUsage", eku.length > 0 ? eku : null],
    ["PublicKeyAlgorithm", PUBLIC_KEY_ALGORITHMS[cert.publicKey.asymmetricKeyType ?? ""] ?? 0],
    ["SignatureAlgorithm", (oid && SIGNATURE_ALGORITHMS[oid]) ?? 0],
  ]);
}

function parseCertificates(name: string, text: string): { cert: X509Certificate; der: Buffer }[] {
  return certificateDers(name, text).map((der) => {
    try {
      return { cert: new (nodeCrypto().X509Certificate)(der), der };
    } catch (err) {
      throw builtinError(name, `x509: ${(err as Error).message}`);
    }
  });
}

/**
 * The chain as OPA reads it: the first certificate is the trusted root,
 * the last the leaf, the ones between intermediates. Each must be issued
 * and signed by the one before it, every issuer must be a CA, and all
 * must be valid at the query's time.
 */
function verifiedChain(certs: { cert: X509Certificate }[], nowMs: number): boolean {
  if (certs.length === 0) return false;
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i]!.cert;
    if (nowMs < Date.parse(c.validFrom) || nowMs > Date.parse(c.validTo)) return false;
    if (i === 0) continue;
    const parent = certs[i - 1]!.cert;
    if (!parent.ca || !c.checkIssued(parent) || !c.verify(parent.publicKey)) return false;
  }
  return true;
}

/** PEM or base64-encoded PEM text (as OPA accepts keys). */
function pemText(name: string, text: string): string {
  if (text.includes("-----BEGIN")) return text;
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw builtinError(name, "illegal base64 data");
  return Buffer.from(clean, "base64").toString("latin1");
}

function privateKeyJwk(name: string, pem: string): Value {
  try {
    return nodeCrypto().createPrivateKey(pem).export({ format: "jwk" }) as Value;
  } catch (err) {
    throw builtinError(name, `failed to parse private key: ${(err as Error).message}`);
  }
}

export const x509Builtins: readonly BuiltinDef[] = [
  def("crypto.x509.parse_certificates", 1, (args) => {
    const name = "crypto.x509.parse_certificates";
    return parseCertificates(name, str(name, args, 0)).map(({ cert, der }) => certificateValue(cert, der));
  }),
  def("crypto.x509.parse_and_verify_certificates", 1, (args, ctx: BuiltinContext) => {
    const name = "crypto.x509.parse_and_verify_certificates";
    let certs: ReturnType<typeof parseCertificates>;
    try {
      certs = parseCertificates(name, str(name, args, 0));
    } catch {
      return [false, []];
    }
    if (!verifiedChain(certs, Number(ctx.nowNs / 1_000_000n))) return [false, []];
    return [true, certs.map(({ cert, der }) => certificateValue(cert, der))];
  }),
  def("crypto.x509.parse_rsa_private_key", 1, (args) => {
    const name = "crypto.x509.parse_rsa_private_key";
    const text = pemText(name, str(name, args, 0));
    const block = [...text.matchAll(PEM_BLOCK)][0];
    if (!block) throw builtinError(name, "failed to parse PEM block containing the key");
    const jwk = privateKeyJwk(name, block[0]);
    if ((jwk as Record<string, unknown>).kty !== "RSA") throw builtinError(name, "not an RSA private key");
    return jwk;
  }),
  def("crypto.parse_private_keys", 1, (args) => {
    const name = "crypto.parse_private_keys";
    const raw = str(name, args, 0);
    if (raw === "") return [];
    const text = pemText(name, raw);
    return [...text.matchAll(PEM_BLOCK)]
      .filter((m) => m[1]!.endsWith("PRIVATE KEY"))
      .map((m) => privateKeyJwk(name, m[0]));
  }),
];
