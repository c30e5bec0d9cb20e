/**
 * Time builtins. Timestamps are nanoseconds since the Unix epoch; inside we
 * use BigInt so that nanoseconds survive (a double near 1.7e18 is only
 * exact to 256 ns). A timestamp written as a literal is read back through
 * its shortest decimal form (see toBigInt), so time.format(1703444325734390000)
 * prints .73439 and not the double's binary expansion.
 *
 * Zones: "" and "UTC" are UTC, "Local" is the process's zone, anything else
 * is an IANA name resolved through Intl.
 */
import { type Value, RegoNumber } from "../value.js";
import { builtinError, def, str, textInt, toBigInt, typeError } from "./args.js";
import {
  type Civil,
  LayoutParseError,
  NAMED_LAYOUTS,
  WEEKDAYS,
  civilFromUnix,
  daysFromCivil,
  daysIn,
  formatCivil,
  parseWithLayout,
} from "./time-layout.js";
import type { BuiltinDef } from "./types.js";

const NS = 1_000_000_000n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const RFC3339_NANO = NAMED_LAYOUTS.RFC3339Nano!;

// ---------------------------------------------------------------------------
// Zones

interface Zone {
  name: string; // "UTC" or an IANA name
  /** Offset east of UTC at the given instant, and the zone's abbreviation. */
  at(unixMs: number): { offsetSeconds: number; abbreviation: string };
}

const UTC: Zone = { name: "UTC", at: () => ({ offsetSeconds: 0, abbreviation: "UTC" }) };
const zones = new Map<string, Zone>();

function intlZone(tz: string): Zone {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    era: "short",
    timeZoneName: "short",
  });
  return {
    name: tz,
    at(unixMs) {
      const parts: Record<string, string> = {};
      for (const p of fmt.formatToParts(new Date(unixMs))) parts[p.type] = p.value;
      let year = Number(parts.year);
      if (parts.era === "BC" || parts.era === "B") year = 1 - year;
      const local =
        daysFromCivil(year, Number(parts.month), Number(parts.day)) * 86400 +
        Number(parts.hour) * 3600 +
        Number(parts.minute) * 60 +
        Number(parts.second);
      const offsetSeconds = local - Math.floor(unixMs / 1000);
      let abbreviation = parts.timeZoneName ?? "";
      // Zones without an abbreviation in tzdata print their offset ("+03"), as Go does.
      if (/^GMT[+-]/.test(abbreviation) || abbreviation === "") {
        const a = Math.abs(offsetSeconds);
        const hh = String(Math.floor(a / 3600)).padStart(2, "0");
        const mm = Math.floor((a % 3600) / 60);
        abbreviation = (offsetSeconds < 0 ? "-" : "+") + hh + (mm ? String(mm).padStart(2, "0") : "");
      } else if (abbreviation === "GMT" && tz !== "GMT" && !tz.startsWith("Etc/")) {
        abbreviation = "GMT";
      }
      return { offsetSeconds, abbreviation };
    },
  };
}

function zoneOf(name: string, tz: string): Zone {
  if (tz === "" || tz === "UTC") return UTC;
  const id = tz === "Local" ? Intl.DateTimeFormat().resolvedOptions().timeZone : tz;
  let z = zones.get(id);
  if (z === undefined) {
    try {
      z = id === "UTC" ? UTC : intlZone(id);
    } catch {
      throw builtinError(name, `unknown time zone ${tz}`);
    }
    zones.set(id, z);
  }
  return z;
}

// ---------------------------------------------------------------------------
// Operands and conversions

interface Instant {
  ns: bigint;
  zone: Zone;
  layout?: string;
}

/** A number of nanoseconds, or [ns, tz] (and [ns, tz, layout] for time.format). */
function instantArg(name: string, args: Value[], i: number, allowLayout = false): Instant {
  const inst = instantOperand(name, args, i, allowLayout);
  // OPA reads the nanoseconds as an int64 and fails beyond it.
  if (inst.ns > INT64_MAX || inst.ns < INT64_MIN) throw builtinError(name, "timestamp too big");
  return inst;
}

function instantOperand(name: string, args: Value[], i: number, allowLayout: boolean): Instant {
  const v = args[i] as Value;
  if (typeof v === "number" || v instanceof RegoNumber) return { ns: nsOf(v), zone: UTC };
  if (Array.isArray(v) && (v.length === 2 || (allowLayout && v.length === 3))) {
    const [n, tz, layout] = v;
    if (typeof n !== "number" && !(n instanceof RegoNumber)) throw typeError(name, i + 1, v, "array[number, string]");
    if (typeof tz !== "string") throw typeError(name, i + 1, v, "array[number, string]");
    if (layout !== undefined && typeof layout !== "string")
      throw typeError(name, i + 1, v, "array[number, string, string]");
    const inst: Instant = { ns: nsOf(n), zone: zoneOf(name, tz) };
    if (layout !== undefined) inst.layout = layout;
    return inst;
  }
  throw typeError(name, i + 1, v, "number", "array");
}

/** OPA reads the number as a big float of its text: an integer literal beyond 2^53 is exact. */
function nsOf(n: number | RegoNumber): bigint {
  if (n instanceof RegoNumber) return /^-?[0-9]+$/.test(n.text) ? BigInt(n.text) : toBigInt(Math.trunc(n.value));
  return toBigInt(Math.trunc(n));
}

function civilOf(name: string, inst: Instant): Civil {
  const sec = inst.ns >= 0n ? inst.ns / NS : -((-inst.ns + NS - 1n) / NS);
  const nanos = Number(inst.ns - sec * NS);
  const unix = Number(sec);
  const ms = unix * 1000;
  if (Math.abs(ms) > 8.64e15) throw builtinError(name, "time outside of valid range");
  const { offsetSeconds, abbreviation } = inst.zone.at(ms);
  return civilFromUnix(unix, nanos, offsetSeconds, abbreviation);
}

/** Nanoseconds of a civil time given as (possibly unnormalized) fields. */
function nsFromFields(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  nanos: number,
  offset: number,
): bigint {
  // Normalize months into years first (Go's time.Date does the same).
  const m0 = mo - 1;
  y += Math.floor(m0 / 12);
  mo = (((m0 % 12) + 12) % 12) + 1;
  const secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
  return BigInt(secs) * NS + BigInt(nanos);
}

function toNumber(ns: bigint): number | undefined {
  if (ns < INT64_MIN || ns > INT64_MAX) return undefined; // outside Go's UnixNano range
  return Number(ns);
}

function resolveLayout(layout: string): string {
  // Own names only: a layout "__proto__" or "toString" is a literal layout.
  return Object.hasOwn(NAMED_LAYOUTS, layout) ? NAMED_LAYOUTS[layout]! : layout;
}

// ---------------------------------------------------------------------------
// Durations, as Go's time.ParseDuration

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n, // U+00B5 micro sign
  μs: 1000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: NS,
  m: 60n * NS,
  h: 3600n * NS,
};

function parseDuration(s: string): bigint {
  const fail = (): never => {
    throw builtinError("time.parse_duration_ns", `time: invalid duration ${JSON.stringify(s)}`);
  };
  let rest = s;
  let neg = false;
  if (rest[0] === "-" || rest[0] === "+") {
    neg = rest[0] === "-";
    rest = rest.slice(1);
  }
  if (rest === "0") return 0n;
  if (rest === "") fail();
  let total = 0n;
  while (rest !== "") {
    const m = /^(\d*)(?:\.(\d*))?([^\d.]+)/.exec(rest);
    // Go: a number with nothing after it has no unit ("1", "1h2").
    if (!m && /^\d*(\.\d*)?$/.test(rest) && /\d/.test(rest))
      throw builtinError("time.parse_duration_ns", `time: missing unit in duration ${JSON.stringify(s)}`);
    if (!m || (m[1] === "" && (m[2] === undefined || m[2] === ""))) fail();
    const unitName = m![3]!;
    const unit = Object.hasOwn(UNITS, unitName) ? UNITS[unitName] : undefined;
    if (unit === undefined) {
      throw builtinError(
        "time.parse_duration_ns",
        `time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(s)}`,
      );
    }
    total += BigInt(m![1] || "0") * unit;
    const frac = m![2] ?? "";
    if (frac !== "") {
      // Go scales the fraction in float64 and truncates.
      total += BigInt(Math.trunc(Number(frac) * (Number(unit) / 10 ** frac.length)));
    }
    rest = rest.slice(m![0].length);
  }
  if (total > INT64_MAX) throw builtinError("time.parse_duration_ns", `time: invalid duration ${JSON.stringify(s)}`);
  return neg ? -total : total;
}

// ---------------------------------------------------------------------------
// time.diff, as OPA computes it: calendar differences with borrowing.

function diff(a: Civil, b: Civil): number[] {
  let year = b.year - a.year;
  let month = b.month - a.month;
  let day = b.day - a.day;
  let hour = b.hour - a.hour;
  let min = b.minute - a.minute;
  let sec = b.second - a.second;
  if (sec < 0) {
    sec += 60;
    min--;
  }
  if (min < 0) {
    min += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    day += daysIn(a.year, a.month);
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return [year, month, day, hour, min, sec];
}

function parseNs(name: string, layout: string, value: string): Value | undefined {
  let p: ReturnType<typeof parseWithLayout>;
  try {
    p = parseWithLayout(layout, value);
  } catch (e) {
    if (e instanceof LayoutParseError) throw builtinError(name, e.message);
    throw e;
  }
  return toNumber(nsFromFields(p.year, p.month, p.day, p.hour, p.minute, p.second, p.nanosecond, p.offsetSeconds ?? 0));
}

export const timeBuiltins: readonly BuiltinDef[] = [
  def("time.now_ns", 0, (_args, ctx) => Number(ctx.nowNs)),
  def("time.parse_ns", 2, (args) =>
    parseNs("time.parse_ns", resolveLayout(str("time.parse_ns", args, 0)), str("time.parse_ns", args, 1)),
  ),
  def("time.parse_rfc3339_ns", 1, (args) =>
    parseNs("time.parse_rfc3339_ns", NAMED_LAYOUTS.RFC3339!, str("time.parse_rfc3339_ns", args, 0)),
  ),
  def("time.parse_duration_ns", 1, (args) => Number(parseDuration(str("time.parse_duration_ns", args, 0)))),
  def("time.date", 1, (args) => {
    const c = civilOf("time.date", instantArg("time.date", args, 0));
    return [c.year, c.month, c.day];
  }),
  def("time.clock", 1, (args) => {
    const c = civilOf("time.clock", instantArg("time.clock", args, 0));
    return [c.hour, c.minute, c.second];
  }),
  def("time.weekday", 1, (args) => WEEKDAYS[civilOf("time.weekday", instantArg("time.weekday", args, 0)).weekday]!),
  def("time.add_date", 4, (args) => {
    const name = "time.add_date";
    const inst = instantArg(name, args, 0);
    // OPA: IntOperand, by the number's text (1.0 years is refused).
    const y = textInt(name, args, 1);
    const m = textInt(name, args, 2);
    const d = textInt(name, args, 3);
    const c = civilOf(name, inst);
    // Years beyond Go's nanosecond range: regorus and non-strict OPA give undefined.
    if (Math.abs(c.year + y + m / 12) > 300_000) return undefined;
    const ns = nsFromFields(
      c.year + y,
      c.month + m,
      c.day + d,
      c.hour,
      c.minute,
      c.second,
      c.nanosecond,
      c.offsetSeconds,
    );
    return toNumber(ns);
  }),
  def("time.diff", 2, (args) => {
    const a = instantArg("time.diff", args, 0);
    const b = instantArg("time.diff", args, 1);
    // b is seen in a's zone; the earlier instant comes first.
    const [first, second] = a.ns <= b.ns ? [a, { ...b, zone: a.zone }] : [{ ...b, zone: a.zone }, a];
    return diff(civilOf("time.diff", first), civilOf("time.diff", second));
  }),
  def("time.format", 1, (args) => {
    const inst = instantArg("time.format", args, 0, true);
    return formatCivil(civilOf("time.format", inst), resolveLayout(inst.layout ?? RFC3339_NANO));
  }),
];
