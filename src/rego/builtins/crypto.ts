/** Hashes and HMACs of strings (UTF-8), as lowercase hex; uuid.rfc4122 and uuid.parse. */
import { nodeCrypto } from "./node-crypto.js";
import type { Value } from "../value.js";
import { def, memoPerQuery, str } from "./args.js";
import type { BuiltinDef } from "./types.js";

const hash = (algorithm: string) => (name: string) =>
  def(name, 1, (args) =>
    nodeCrypto()
      .createHash(algorithm)
      .update(str(name, args, 0), "utf8")
      .digest("hex"),
  );

const hmac = (algorithm: string) => (name: string) =>
  def(name, 2, (args) =>
    nodeCrypto()
      .createHmac(algorithm, Buffer.from(str(name, args, 1), "utf8"))
      .update(str(name, args, 0), "utf8")
      .digest("hex"),
  );

// ---------------------------------------------------------------------------
// UUIDs, read the way Go's google/uuid reads them.

/** 100 ns intervals between 1582-10-15 (the Gregorian reform) and 1970. */
const GREGORIAN_OFFSET = 122192928000000000n;

function uuidBytes(s: string): Uint8Array | undefined {
  let hex: string;
  if (s.length === 36) hex = s;
  else if (s.length === 45 && s.toLowerCase().startsWith("urn:uuid:")) hex = s.slice(9);
  else if (s.length === 38 && s.startsWith("{") && s.endsWith("}")) hex = s.slice(1, -1);
  else if (s.length === 32) return /^[0-9a-fA-F]{32}$/.test(s) ? Buffer.from(s, "hex") : undefined;
  else return undefined;
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(hex)) return undefined;
  return Buffer.from(hex.replaceAll("-", ""), "hex");
}

function variantOf(b: number): string {
  if ((b & 0xc0) === 0x80) return "RFC4122";
  if ((b & 0xe0) === 0xc0) return "Microsoft";
  if ((b & 0xe0) === 0xe0) return "Future";
  return "Reserved";
}

function uuidParse(s: string): Value | undefined {
  const b = uuidBytes(s);
  if (b === undefined) return undefined;
  const view = Buffer.from(b);
  const version = b[6]! >> 4;
  const out: Record<string, Value> = { version, variant: variantOf(b[8]!) };
  const u64 = view.readBigUInt64BE(0);
  const fromTicks = (ticks: bigint): number => Number((ticks - GREGORIAN_OFFSET) * 100n);
  if (version === 1 || version === 2) {
    const ticks =
      BigInt(view.readUInt32BE(0)) |
      (BigInt(view.readUInt16BE(4)) << 32n) |
      (BigInt(view.readUInt16BE(6) & 0x0fff) << 48n);
    out.time = fromTicks(ticks);
    out.clocksequence = view.readUInt16BE(8) & 0x3fff;
    out.nodeid = [...b.subarray(10, 16)].map((x) => x.toString(16).padStart(2, "0")).join("-");
    out.macvariables = `${b[10]! & 0x02 ? "local" : "global"}:${b[10]! & 0x01 ? "multicast" : "unicast"}`;
    if (version === 2) {
      out.id = view.readUInt32BE(0);
      out.domain = ["Person", "Group", "Org"][b[9]!] ?? `Domain${b[9]}`;
    }
  } else if (version === 6) {
    const ticks = ((u64 >> 32n) << 28n) | (((u64 >> 16n) & 0xffffn) << 12n) | (u64 & 0x0fffn);
    out.time = fromTicks(ticks);
  } else if (version === 7) {
    out.time = Number((u64 >> 16n) * 1_000_000n);
  }
  return out;
}

export const cryptoBuiltins: readonly BuiltinDef[] = [
  hash("md5")("crypto.md5"),
  hash("sha1")("crypto.sha1"),
  hash("sha256")("crypto.sha256"),
  hash("sha512")("crypto.sha512"),
  hmac("md5")("crypto.hmac.md5"),
  hmac("sha1")("crypto.hmac.sha1"),
  hmac("sha256")("crypto.hmac.sha256"),
  hmac("sha512")("crypto.hmac.sha512"),
  def("crypto.hmac.equal", 2, (args) => {
    // Constant time, as OPA's hmac.Equal.
    const a = Buffer.from(str("crypto.hmac.equal", args, 0), "utf8");
    const b = Buffer.from(str("crypto.hmac.equal", args, 1), "utf8");
    return a.length === b.length && nodeCrypto().timingSafeEqual(a, b);
  }),
  // Random, but the same for the same seed string within one query.
  def("uuid.rfc4122", 1, (args, ctx) =>
    memoPerQuery(ctx, "uuid.rfc4122\0" + str("uuid.rfc4122", args, 0), () => nodeCrypto().randomUUID()),
  ),
  def("uuid.parse", 1, (args) => uuidParse(str("uuid.parse", args, 0))),
];
