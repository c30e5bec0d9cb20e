/**
 * The internet as an address space, not a string. A rule admits a set of
 * addresses (CIDR lists, single addresses, start/end ranges); whether that
 * set is "open to the internet" is decided on the union of those addresses
 * against the public address space, so ["0.0.0.0/1", "128.0.0.0/1"] and an
 * Azure firewall range 0.0.0.0-10.0.17.62 count as well as "0.0.0.0/0".
 */
import type { PlanguardConfig } from "../config/config.js";
import { parseCIDR, parseIP } from "../rego/builtins/net.js";

type Family = 4 | 6;

/** A closed interval of addresses of one family. */
interface Interval {
  from: bigint;
  to: bigint;
}

/**
 * Blocks that are not reachable from the internet (RFC 6890's special-purpose
 * registries: private, shared, loopback, link-local, documentation,
 * benchmarking, multicast, reserved). Everything else counts as public.
 */
const NON_PUBLIC_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/3",
];

/** IPv6: only global unicast (2000::/3) is routed on the internet, minus documentation. */
const PUBLIC_V6 = ["2000::/3"];
const NON_PUBLIC_V6 = ["2001:db8::/32"];

const V4_ALL: Interval = { from: 0n, to: (1n << 32n) - 1n };

function cidrInterval(text: string): { family: Family; interval: Interval } | undefined {
  const net = parseCIDR(text);
  if (!net) return undefined;
  const size = 1n << BigInt(net.bits - net.prefix);
  return { family: net.bits === 32 ? 4 : 6, interval: { from: net.base, to: net.base + size - 1n } };
}

function mustIntervals(list: readonly string[]): Interval[] {
  return list.map((c) => cidrInterval(c)!.interval);
}

/** The public address space, computed at first use: a scan with no network rule to judge never needs it. */
let publicSpace: Record<Family, Interval[]> | undefined;
const publicIntervals = (family: Family): Interval[] =>
  (publicSpace ??= {
    4: subtract([V4_ALL], mustIntervals(NON_PUBLIC_V4)),
    6: subtract(mustIntervals(PUBLIC_V6), mustIntervals(NON_PUBLIC_V6)),
  })[family];

/** Sorted, disjoint, adjacent intervals joined. */
function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to + 1n) {
      if (i.to > last.to) last.to = i.to;
    } else out.push({ ...i });
  }
  return out;
}

function subtract(from: readonly Interval[], holes: readonly Interval[]): Interval[] {
  let rest = union(from);
  for (const h of union(holes)) {
    const next: Interval[] = [];
    for (const i of rest) {
      if (h.to < i.from || h.from > i.to) next.push(i);
      else {
        if (i.from < h.from) next.push({ from: i.from, to: h.from - 1n });
        if (i.to > h.to) next.push({ from: h.to + 1n, to: i.to });
      }
    }
    rest = next;
  }
  return rest;
}

function intersectionSize(a: readonly Interval[], b: readonly Interval[]): bigint {
  let total = 0n;
  let j = 0;
  for (const i of a) {
    while (j < b.length && b[j]!.to < i.from) j++;
    for (let k = j; k < b.length && b[k]!.from <= i.to; k++) {
      // Bigints: Math.max and Math.min take numbers only.
      // biome-ignore lint/complexity/useMathMinMax: bigint operands
      const lo = i.from > b[k]!.from ? i.from : b[k]!.from;
      // biome-ignore lint/complexity/useMathMinMax: bigint operands
      const hi = i.to < b[k]!.to ? i.to : b[k]!.to;
      if (lo <= hi) total += hi - lo + 1n;
    }
  }
  return total;
}

/**
 * One entry of an address list as an interval: a CIDR ("10.0.0.0/8"), a
 * single address ("203.0.113.7"), or a range ("0.0.0.0-10.0.17.62"), as
 * Terraform providers write them. Undefined for anything else (a security
 * group id, a service tag such as "Internet" or "*": see namedSource).
 */
function entryInterval(entry: string): { family: Family; interval: Interval } | undefined {
  const text = entry.trim();
  if (text.includes("/")) return cidrInterval(text);
  const dash = text.indexOf("-");
  if (dash > 0) {
    const a = parseIP(text.slice(0, dash).trim());
    const b = parseIP(text.slice(dash + 1).trim());
    if (!a || !b || a.bits !== b.bits || a.value > b.value) return undefined;
    return { family: a.bits === 32 ? 4 : 6, interval: { from: a.value, to: b.value } };
  }
  const ip = parseIP(text);
  return ip ? { family: ip.bits === 32 ? 4 : 6, interval: { from: ip.value, to: ip.value } } : undefined;
}

/**
 * Source names that mean "anyone" where a provider accepts names as well as
 * addresses (Azure NSG service tags, "*" for any source).
 */
const ANYONE = new Set(["*", "any", "internet"]);

export interface PublicAddresses {
  /** Public IPv4 addresses admitted. */
  ipv4: bigint;
  /** Public IPv6 addresses admitted. */
  ipv6: bigint;
  /** The entries that admit at least one public address, as written. */
  ranges: string[];
}

/** What one entry admits: its family, its interval, and whether any of it is public. */
interface ReadEntry {
  family: Family;
  interval: Interval;
  isPublic: boolean;
}

/**
 * Entries read so far, by text (null: not an address). A plan repeats a few
 * entries ("0.0.0.0/0", the VPC's range) across thousands of rules and
 * security groups; each is parsed and placed once. Bounded: cleared when full.
 * The intervals are never changed (union copies them).
 */
const readEntries = new Map<string, ReadEntry | null>();
const READ_ENTRIES_LIMIT = 4096;

function readEntry(entry: string): ReadEntry | null {
  let read = readEntries.get(entry);
  if (read !== undefined) return read;
  if (ANYONE.has(entry.trim().toLowerCase())) read = { family: 4, interval: V4_ALL, isPublic: true };
  else {
    const parsed = entryInterval(entry);
    read = parsed
      ? { ...parsed, isPublic: intersectionSize([parsed.interval], publicIntervals(parsed.family)) > 0n }
      : null;
  }
  if (readEntries.size >= READ_ENTRIES_LIMIT) readEntries.clear();
  readEntries.set(entry, read);
  return read;
}

/** The public addresses admitted by a list of entries (CIDRs, addresses, ranges, "anyone" names). */
export function publicAddresses(entries: readonly unknown[]): PublicAddresses {
  const admitted: Record<Family, Interval[]> = { 4: [], 6: [] };
  const ranges: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (typeof entry !== "string") continue;
    const read = readEntry(entry);
    if (read === null) continue;
    admitted[read.family].push(read.interval);
    if (read.isPublic) ranges.push(entry);
  }
  return {
    ipv4: intersectionSize(union(admitted[4]), publicIntervals(4)),
    ipv6: intersectionSize(union(admitted[6]), publicIntervals(6)),
    ranges,
  };
}

/**
 * When an admitted set counts as "the internet": at least as many public
 * addresses as a /ipv4Prefix (IPv4) or a /ipv6Prefix (IPv6) holds. The
 * defaults, a /8 and a /16, are about 1/200 and 1/8000 of each family's
 * public space: far more than any office, VPN or partner range.
 */
export interface InternetThreshold {
  ipv4Prefix: number;
  ipv6Prefix: number;
}

const DEFAULT_INTERNET_THRESHOLD: InternetThreshold = { ipv4Prefix: 8, ipv6Prefix: 16 };

/** The threshold the config's `network` section sets, else the default. */
export function internetThreshold(config: PlanguardConfig): InternetThreshold {
  return {
    ipv4Prefix: config.network?.internet_ipv4_prefix ?? DEFAULT_INTERNET_THRESHOLD.ipv4Prefix,
    ipv6Prefix: config.network?.internet_ipv6_prefix ?? DEFAULT_INTERNET_THRESHOLD.ipv6Prefix,
  };
}

/** The threshold in addresses per family. */
function thresholdAddresses(t: InternetThreshold): { ipv4: bigint; ipv6: bigint } {
  return { ipv4: 1n << BigInt(32 - t.ipv4Prefix), ipv6: 1n << BigInt(128 - t.ipv6Prefix) };
}

export function isOpenToInternet(p: PublicAddresses, t: InternetThreshold = DEFAULT_INTERNET_THRESHOLD): boolean {
  const min = thresholdAddresses(t);
  return p.ipv4 >= min.ipv4 || p.ipv6 >= min.ipv6;
}

/**
 * The ranges of a list that make it open to the internet, or undefined when
 * the list is not open: what a finding's message names.
 */
export function internetRanges(
  entries: readonly unknown[],
  t: InternetThreshold = DEFAULT_INTERNET_THRESHOLD,
): string[] | undefined {
  // Only the string entries count (publicAddresses skips the rest), so they and the threshold are the key.
  let key = `${t.ipv4Prefix},${t.ipv6Prefix}`;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (typeof e === "string") key += `|${e.length}:${e}`;
  }
  let answer = answers.get(key);
  if (answer === undefined) {
    const p = publicAddresses(entries);
    answer = isOpenToInternet(p, t) ? p.ranges : null;
    if (answers.size >= ANSWERS_LIMIT) answers.clear();
    answers.set(key, answer);
  }
  // A copy: the kept list is never handed out to be changed.
  return answer === null ? undefined : answer.slice();
}

/**
 * Answers by list and threshold (null: not the internet). Thousands of
 * security group rules of a plan list the same few sources ("0.0.0.0/0"),
 * each needing unions and intersections of big-integer intervals. Bounded:
 * cleared when full.
 */
const answers = new Map<string, string[] | null>();
const ANSWERS_LIMIT = 4096;
