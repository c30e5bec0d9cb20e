/**
 * CIDR builtins for IPv4 and IPv6. Addresses are BigInts (128 bits fit),
 * parsed as strictly as Go's net package (no leading zeros in IPv4 parts).
 */
import { type Value, RegoSet, isObject, objectEntries } from "../value.js";
import { arrayOrSet, builtinError, def, limitError, str, typeError } from "./args.js";
import type { BuiltinDef } from "./types.js";

interface Addr {
  bits: 32 | 128;
  value: bigint;
}

interface Net {
  bits: 32 | 128;
  base: bigint; // network address (host bits cleared)
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (s.includes("%")) return undefined; // zones are not IPs here
  let tail: bigint[] = [];
  // An embedded IPv4 address takes the last two groups.
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const x = parseIPv4(v4[2]!);
    if (x === undefined) return undefined;
    tail = [x >> 16n, x & 0xffffn];
    s = v4[1]!.endsWith("::") ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const group = (g: string): bigint | undefined => (/^[0-9a-fA-F]{1,4}$/.test(g) ? BigInt("0x" + g) : undefined);
  const parseList = (x: string): bigint[] | undefined => {
    if (x === "") return [];
    const out: bigint[] = [];
    for (const g of x.split(":")) {
      const v = group(g);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  };
  const head = parseList(halves[0]!);
  const rest = halves.length === 2 ? parseList(halves[1]!) : [];
  if (head === undefined || rest === undefined) return undefined;
  const explicit = head.length + rest.length + tail.length;
  let groups: bigint[];
  if (halves.length === 2) {
    if (explicit > 7) return undefined;
    groups = [...head, ...new Array<bigint>(8 - explicit).fill(0n), ...rest, ...tail];
  } else {
    if (explicit !== 8) return undefined;
    groups = [...head, ...tail];
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

export function parseIP(s: string): Addr | undefined {
  if (s.includes(":")) {
    const v = parseIPv6(s);
    return v === undefined ? undefined : { bits: 128, value: v };
  }
  const v = parseIPv4(s);
  return v === undefined ? undefined : { bits: 32, value: v };
}

function mask(bits: number, prefix: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function parseCIDR(s: string): Net | undefined {
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (ip === undefined || !/^(0|[1-9]\d*)$/.test(p)) return undefined;
  const prefix = Number(p);
  if (prefix > ip.bits) return undefined;
  return { bits: ip.bits, base: ip.value & mask(ip.bits, prefix), prefix };
}

function last(n: Net): bigint {
  return n.base | ((1n << BigInt(n.bits - n.prefix)) - 1n);
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as IPv4, as Go compares them. */
function unmap(a: Addr): Addr {
  if (a.bits === 128 && a.value >> 32n === 0xffffn) return { bits: 32, value: a.value & 0xffffffffn };
  return a;
}

function contains(n: Net, a: Addr): boolean {
  const x = unmap(a);
  return x.bits === n.bits && x.value >= n.base && x.value <= last(n);
}

function formatIP(a: Addr): string {
  if (a.bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((a.value >> s) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((a.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: compress the longest run (>= 2) of zero groups, the first on ties.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return hex.slice(0, bestStart).join(":") + "::" + hex.slice(bestStart + bestLen).join(":");
}

function cidrArg(name: string, args: Value[], i: number): Net {
  const s = str(name, args, i);
  const n = parseCIDR(s);
  if (n === undefined) throw builtinError(name, `invalid CIDR address: ${s}`);
  return n;
}

function cidrContains(args: Value[]): Value {
  const name = "net.cidr_contains";
  const n = cidrArg(name, args, 0);
  const s = str(name, args, 1);
  const ip = parseIP(s);
  if (ip !== undefined) return contains(n, ip);
  const other = parseCIDR(s);
  if (other === undefined) throw builtinError(name, `invalid CIDR address: ${s}`);
  return contains(n, { bits: other.bits, value: other.base }) && contains(n, { bits: other.bits, value: last(other) });
}

function cidrIntersects(args: Value[]): Value {
  const a = cidrArg("net.cidr_intersects", args, 0);
  const b = cidrArg("net.cidr_intersects", args, 1);
  if (a.bits !== b.bits) return false;
  return a.base <= last(b) && b.base <= last(a);
}

const EXPAND_LIMIT = 65536n;

function cidrExpand(args: Value[]): Value {
  const n = cidrArg("net.cidr_expand", args, 0);
  const size = last(n) - n.base + 1n;
  if (size > EXPAND_LIMIT)
    throw limitError("net.cidr_expand", `CIDR too large to expand (${size} addresses, limit ${EXPAND_LIMIT})`);
  const out = new RegoSet();
  for (let v = n.base; v <= last(n); v++) out.addDuringConstruction(formatIP({ bits: n.bits, value: v }));
  return out;
}

/** The fewest CIDR blocks covering [lo, hi]. */
function rangeToCIDRs(bits: 32 | 128, lo: bigint, hi: bigint): Net[] {
  const out: Net[] = [];
  while (lo <= hi) {
    let size = BigInt(bits);
    // Grow the block while it stays aligned and inside the range.
    while (size > 0n) {
      const block = 1n << (BigInt(bits) - size + 1n);
      if (lo % block !== 0n || lo + block - 1n > hi) break;
      size--;
    }
    const prefix = Number(size);
    out.push({ bits, base: lo, prefix });
    lo += 1n << BigInt(bits - prefix);
  }
  return out;
}

function cidrMerge(args: Value[]): Value {
  const name = "net.cidr_merge";
  const items = arrayOrSet(name, args, 0);
  const ranges: Record<32 | 128, [bigint, bigint][]> = { 32: [], 128: [] };
  for (const item of items) {
    if (typeof item !== "string") throw typeError(name, 1, args[0] as Value, "array[string]", "set[string]");
    const n =
      parseCIDR(item) ??
      (() => {
        const ip = parseIP(item);
        // OPA takes a bare IPv4 address as a /32 but wants a prefix on IPv6.
        if (ip?.bits === 128) throw builtinError(name, "IPv6 invalid: needs prefix length");
        return ip === undefined ? undefined : { bits: ip.bits, base: ip.value, prefix: ip.bits };
      })();
    if (n === undefined) throw builtinError(name, `invalid address: ${item}`);
    ranges[n.bits].push([n.base, last(n)]);
  }
  const out = new RegoSet();
  for (const bits of [32, 128] as const) {
    const sorted = ranges[bits].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const merged: [bigint, bigint][] = [];
    for (const [lo, hi] of sorted) {
      const prev = merged[merged.length - 1];
      if (prev !== undefined && lo <= prev[1] + 1n) {
        if (hi > prev[1]) prev[1] = hi;
      } else merged.push([lo, hi]);
    }
    for (const [lo, hi] of merged) {
      for (const n of rangeToCIDRs(bits, lo, hi))
        out.addDuringConstruction(`${formatIP({ bits, value: n.base })}/${n.prefix}`);
    }
  }
  return out;
}

/**
 * The entries of a net.cidr_contains_matches operand as [key, address]:
 * a string is its own key; arrays are keyed by index, sets by member,
 * objects by key; an array value holds its address first.
 */
function keyedAddresses(name: string, v: Value, pos: number): [Value, string][] {
  const addressOf = (x: Value): string => {
    const a = Array.isArray(x) ? x[0] : x;
    if (typeof a !== "string") throw typeError(name, pos, v, "string", "array", "set", "object");
    return a;
  };
  if (typeof v === "string") return [[v, v]];
  if (Array.isArray(v)) return v.map((x, i) => [i, addressOf(x)]);
  if (v instanceof RegoSet) return [...v].map((x) => [x, addressOf(x)]);
  if (isObject(v)) return [...objectEntries(v)].map(([k, x]) => [k, addressOf(x)]);
  throw typeError(name, pos, v, "string", "array", "set", "object");
}

function cidrContainsMatches(args: Value[]): Value {
  const name = "net.cidr_contains_matches";
  const nets = keyedAddresses(name, args[0] as Value, 1);
  const addrs = keyedAddresses(name, args[1] as Value, 2);
  const out = new RegoSet();
  for (const [nk, cidr] of nets) {
    const n = parseCIDR(cidr);
    if (n === undefined) throw builtinError(name, `invalid CIDR address: ${cidr}`);
    for (const [ak, a] of addrs) {
      const ip = parseIP(a);
      const other = ip === undefined ? parseCIDR(a) : undefined;
      if (ip === undefined && other === undefined) throw builtinError(name, `invalid IP or CIDR address: ${a}`);
      const inside =
        ip !== undefined
          ? contains(n, ip)
          : contains(n, { bits: other!.bits, value: other!.base }) &&
            contains(n, { bits: other!.bits, value: last(other!) });
      if (inside) out.addDuringConstruction([nk, ak]);
    }
  }
  return out;
}

export const netBuiltins: readonly BuiltinDef[] = [
  def("net.cidr_contains", 2, cidrContains),
  def("net.cidr_intersects", 2, cidrIntersects),
  def("net.cidr_is_valid", 1, (args) => typeof args[0] === "string" && parseCIDR(args[0]) !== undefined),
  def("net.cidr_expand", 1, cidrExpand),
  def("net.cidr_merge", 1, cidrMerge),
  def("net.cidr_contains_matches", 2, cidrContainsMatches),
  // Deprecated alias of net.cidr_intersects.
  def("net.cidr_overlap", 2, cidrIntersects),
];
