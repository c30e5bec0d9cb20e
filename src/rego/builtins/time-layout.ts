/**
 * Go's time layouts ("2006-01-02T15:04:05Z07:00"): the tokenizer, and
 * formatting and parsing of civil times with them. Calendar arithmetic is on
 * the proleptic Gregorian calendar with plain numbers (exact far beyond the
 * years Rego's nanosecond timestamps can express).
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Days since 1970-01-01 of a civil date (month 1-12; any day, normalized). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysIn(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** A civil time in some zone. */
export interface Civil {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  weekday: number; // 0 = Sunday
  yearDay: number; // 1-366
  offsetSeconds: number;
  zoneName: string;
}

export function civilFromUnix(unixSeconds: number, nanosecond: number, offsetSeconds: number, zoneName: string): Civil {
  const local = unixSeconds + offsetSeconds;
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    nanosecond,
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(year, 1, 1) + 1,
    offsetSeconds,
    zoneName,
  };
}

// ---------------------------------------------------------------------------
// Layout tokens

type Token = { kind: "lit"; text: string } | { kind: "std"; std: string; digits?: number };

/** Go's named layouts, which OPA accepts by name. */
export const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: "Mon Jan _2 15:04:05 2006",
  UnixDate: "Mon Jan _2 15:04:05 MST 2006",
  RubyDate: "Mon Jan 02 15:04:05 -0700 2006",
  RFC822: "02 Jan 06 15:04 MST",
  RFC822Z: "02 Jan 06 15:04 -0700",
  RFC850: "Monday, 02-Jan-06 15:04:05 MST",
  RFC1123: "Mon, 02 Jan 2006 15:04:05 MST",
  RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700",
  RFC3339: "2006-01-02T15:04:05Z07:00",
  RFC3339Nano: "2006-01-02T15:04:05.999999999Z07:00",
  Kitchen: "3:04PM",
  Stamp: "Jan _2 15:04:05",
  StampMilli: "Jan _2 15:04:05.000",
  StampMicro: "Jan _2 15:04:05.000000",
  StampNano: "Jan _2 15:04:05.000000000",
  DateTime: "2006-01-02 15:04:05",
  DateOnly: "2006-01-02",
  TimeOnly: "15:04:05",
};

const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
const startsWithLower = (s: string): boolean => s.length > 0 && s[0]! >= "a" && s[0]! <= "z";

/** Splits a layout into literals and std chunks, in the order Go's nextStdChunk checks. */
function tokenize(layout: string): Token[] {
  const out: Token[] = [];
  let lit = "";
  const push = (std: string, len: number, digits?: number): number => {
    if (lit) out.push({ kind: "lit", text: lit });
    lit = "";
    out.push(digits === undefined ? { kind: "std", std } : { kind: "std", std, digits });
    return len;
  };
  for (let i = 0; i < layout.length; ) {
    const rest = layout.slice(i);
    let n = 0;
    const c = layout[i]!;
    switch (c) {
      case "J":
        if (rest.startsWith("January")) n = push("January", 7);
        else if (rest.startsWith("Jan") && !startsWithLower(rest.slice(3))) n = push("Jan", 3);
        break;
      case "M":
        if (rest.startsWith("Monday")) n = push("Monday", 6);
        else if (rest.startsWith("Mon") && !startsWithLower(rest.slice(3))) n = push("Mon", 3);
        else if (rest.startsWith("MST")) n = push("MST", 3);
        break;
      case "0":
        if (rest.length >= 2 && rest[1]! >= "1" && rest[1]! <= "6") n = push(rest.slice(0, 2), 2);
        else if (rest.startsWith("002")) n = push("002", 3);
        break;
      case "1":
        n = rest.startsWith("15") ? push("15", 2) : push("1", 1);
        break;
      case "2":
        n = rest.startsWith("2006") ? push("2006", 4) : push("2", 1);
        break;
      case "_":
        if (rest.startsWith("_2")) {
          if (rest.startsWith("_2006")) {
            lit += "_";
            n = 1 + push("2006", 4);
          } else n = push("_2", 2);
        } else if (rest.startsWith("__2")) n = push("__2", 3);
        break;
      case "3":
      case "4":
      case "5":
        n = push(c, 1);
        break;
      case "P":
        if (rest.startsWith("PM")) n = push("PM", 2);
        break;
      case "p":
        if (rest.startsWith("pm")) n = push("pm", 2);
        break;
      case "-":
      case "Z":
        for (const z of ["070000", "07:00:00", "0700", "07:00", "07"]) {
          if (rest.startsWith(c + z)) {
            n = push(c + z, 1 + z.length);
            break;
          }
        }
        break;
      case ".":
      case ",":
        if (rest[1] === "0" || rest[1] === "9") {
          const ch = rest[1];
          let j = 1;
          while (rest[j] === ch) j++;
          if (!isDigit(rest, j)) n = push(ch === "0" ? ".0" : ".9", j, j - 1);
        }
        break;
    }
    if (n === 0) {
      lit += c;
      i++;
    } else i += n;
  }
  if (lit) out.push({ kind: "lit", text: lit });
  return out;
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? "-" + s : s;
};

function formatOffset(std: string, offset: number): string {
  if (std.startsWith("Z") && offset === 0) return "Z";
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  const hh = pad(Math.floor(a / 3600), 2);
  const mm = pad(Math.floor((a % 3600) / 60), 2);
  const ss = pad(a % 60, 2);
  const z = std.slice(1);
  switch (z) {
    case "070000":
      return sign + hh + mm + ss;
    case "07:00:00":
      return sign + hh + ":" + mm + ":" + ss;
    case "0700":
      return sign + hh + mm;
    case "07:00":
      return sign + hh + ":" + mm;
    default:
      return sign + hh;
  }
}

export function formatCivil(t: Civil, layout: string): string {
  let out = "";
  for (const tok of tokenize(layout)) {
    if (tok.kind === "lit") {
      out += tok.text;
      continue;
    }
    const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    switch (tok.std) {
      case "January":
        out += MONTHS[t.month - 1];
        break;
      case "Jan":
        out += MONTHS[t.month - 1]!.slice(0, 3);
        break;
      case "Monday":
        out += WEEKDAYS[t.weekday];
        break;
      case "Mon":
        out += WEEKDAYS[t.weekday]!.slice(0, 3);
        break;
      case "MST":
        out += t.zoneName;
        break;
      case "01":
        out += pad(t.month, 2);
        break;
      case "02":
        out += pad(t.day, 2);
        break;
      case "03":
        out += pad(h12, 2);
        break;
      case "04":
        out += pad(t.minute, 2);
        break;
      case "05":
        out += pad(t.second, 2);
        break;
      case "06":
        out += pad(((t.year % 100) + 100) % 100, 2);
        break;
      case "002":
        out += pad(t.yearDay, 3);
        break;
      case "__2":
        out += String(t.yearDay).padStart(3, " ");
        break;
      case "1":
        out += t.month;
        break;
      case "15":
        out += pad(t.hour, 2);
        break;
      case "2":
        out += t.day;
        break;
      case "_2":
        out += String(t.day).padStart(2, " ");
        break;
      case "2006":
        out += pad(t.year, 4);
        break;
      case "3":
        out += h12;
        break;
      case "4":
        out += t.minute;
        break;
      case "5":
        out += t.second;
        break;
      case "PM":
        out += t.hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += t.hour >= 12 ? "pm" : "am";
        break;
      case ".0":
        out += "." + pad(t.nanosecond, 9).slice(0, tok.digits);
        break;
      case ".9": {
        const frac = pad(t.nanosecond, 9).slice(0, tok.digits).replace(/0+$/, "");
        if (frac) out += "." + frac;
        break;
      }
      default:
        out += formatOffset(tok.std, t.offsetSeconds);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parsing

export interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  /** undefined: no zone in the value (UTC) */
  offsetSeconds?: number;
}

export class LayoutParseError extends Error {}

/** Parses `value` with a Go layout. Throws LayoutParseError with Go's wording. */
export function parseWithLayout(layout: string, value: string): Parsed {
  const original = value;
  const fail = (what: string, rest: string): never => {
    throw new LayoutParseError(
      `parsing time ${JSON.stringify(original)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(what)}`,
    );
  };
  // Go: fields missing from the layout are zero (the year) or one.
  const r: Parsed = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanosecond: 0 };
  let pm: boolean | undefined;
  let hour12 = false;
  const tokens = tokenize(layout);
  const num = (std: string, fixed: boolean): number => {
    if (!isDigit(value, 0)) fail(std, value);
    if (!isDigit(value, 1)) {
      if (fixed) fail(std, value);
      const n = Number(value[0]);
      value = value.slice(1);
      return n;
    }
    const n = Number(value.slice(0, 2));
    value = value.slice(2);
    return n;
  };
  const fracSeconds = (digits: number): number => {
    // value starts at the separator; digits follow.
    const frac = value.slice(1, 1 + digits);
    value = value.slice(1 + digits);
    return Number((frac + "000000000").slice(0, 9));
  };
  for (let ti = 0; ti < tokens.length; ti++) {
    const tok = tokens[ti]!;
    if (tok.kind === "lit") {
      if (!value.startsWith(tok.text)) fail(tok.text, value);
      value = value.slice(tok.text.length);
      continue;
    }
    const std = tok.std;
    switch (std) {
      case "2006": {
        if (value.length < 4 || !/^\d{4}/.test(value)) fail(std, value);
        r.year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      }
      case "06": {
        const y = num(std, true);
        r.year = y >= 69 ? 1900 + y : 2000 + y;
        break;
      }
      case "January":
      case "Jan": {
        const names = MONTHS.map((m) => (std === "Jan" ? m.slice(0, 3) : m));
        const i = names.findIndex((m) => value.slice(0, m.length).toLowerCase() === m.toLowerCase());
        if (i < 0) fail(std, value);
        r.month = i + 1;
        value = value.slice(names[i]!.length);
        break;
      }
      case "Monday":
      case "Mon": {
        const names = WEEKDAYS.map((d) => (std === "Mon" ? d.slice(0, 3) : d));
        const i = names.findIndex((d) => value.slice(0, d.length).toLowerCase() === d.toLowerCase());
        if (i < 0) fail(std, value);
        value = value.slice(names[i]!.length);
        break;
      }
      case "01":
      case "1":
        r.month = num(std, std === "01");
        if (r.month < 1 || r.month > 12)
          throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: month out of range`);
        break;
      case "02":
      case "2":
      case "_2":
        if (std === "_2" && value[0] === " ") value = value.slice(1);
        r.day = num(std, std === "02");
        break;
      case "15":
        r.hour = num(std, false);
        if (r.hour > 23) throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: hour out of range`);
        break;
      case "03":
      case "3":
        r.hour = num(std, std === "03");
        hour12 = true;
        if (r.hour > 12) throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: hour out of range`);
        break;
      case "04":
      case "4":
        r.minute = num(std, std === "04");
        if (r.minute > 59) throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: minute out of range`);
        break;
      case "05":
      case "5": {
        r.second = num(std, std === "05");
        if (r.second > 59) throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: second out of range`);
        // Go reads a fractional second after the seconds even when the
        // layout has none, unless the layout's next chunk is one.
        const next = tokens[ti + 1];
        if (/^[.,]\d/.test(value) && !(next?.kind === "std" && (next.std === ".0" || next.std === ".9"))) {
          const m = /^[.,](\d+)/.exec(value)!;
          r.nanosecond = fracSeconds(m[1]!.length);
        }
        break;
      }
      case "PM":
      case "pm": {
        const v = value.slice(0, 2);
        const [am, p] = std === "PM" ? ["AM", "PM"] : ["am", "pm"];
        if (v === p) pm = true;
        else if (v === am) pm = false;
        else fail(std, value);
        value = value.slice(2);
        break;
      }
      case ".0": {
        const digits = tok.digits!;
        if (!new RegExp(`^[.,]\\d{${digits}}`).test(value)) fail(std, value);
        r.nanosecond = fracSeconds(digits);
        break;
      }
      case ".9": {
        // Optional: any number of digits, or none at all.
        const m = /^[.,](\d+)/.exec(value);
        if (m) r.nanosecond = fracSeconds(m[1]!.length);
        break;
      }
      case "MST": {
        const m = /^(UTC|GMT([+-]\d{1,2})?|[A-Z]{3,5}T?)/.exec(value);
        if (!m) fail(std, value);
        // Go cannot know the offset of most abbreviations: it takes 0.
        r.offsetSeconds = m![2] !== undefined ? Number(m![2]) * 3600 : (r.offsetSeconds ?? 0);
        value = value.slice(m![0].length);
        break;
      }
      case "002":
      case "__2":
        throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: day-of-year layouts are not supported`);
      default: {
        // Zone offsets.
        if (std.startsWith("Z") && value.startsWith("Z")) {
          value = value.slice(1);
          r.offsetSeconds = 0;
          break;
        }
        const shape = std.slice(1);
        const re: Record<string, RegExp> = {
          "070000": /^([+-])(\d\d)(\d\d)(\d\d)/,
          "07:00:00": /^([+-])(\d\d):(\d\d):(\d\d)/,
          "0700": /^([+-])(\d\d)(\d\d)/,
          "07:00": /^([+-])(\d\d):(\d\d)/,
          "07": /^([+-])(\d\d)/,
        };
        const m = re[shape]!.exec(value);
        if (!m) fail(std, value);
        const secs = Number(m![2]) * 3600 + Number(m![3] ?? 0) * 60 + Number(m![4] ?? 0);
        r.offsetSeconds = m![1] === "-" ? -secs : secs;
        value = value.slice(m![0].length);
      }
    }
  }
  if (value !== "")
    throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: extra text: ${JSON.stringify(value)}`);
  if (hour12 && pm !== undefined) {
    if (pm && r.hour < 12) r.hour += 12;
    else if (!pm && r.hour === 12) r.hour = 0;
  }
  if (r.day < 1 || r.day > daysIn(r.year, r.month))
    throw new LayoutParseError(`parsing time ${JSON.stringify(original)}: day out of range`);
  return r;
}
