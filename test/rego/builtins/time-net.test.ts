import { describe, expect, it } from "vitest";
import { equal } from "../../../src/rego/value.js";
import { call, ctx, failure, set } from "./helpers.js";

const T = 1703444325734390000; // 2023-12-24T18:58:45.73439Z (a Sunday)

describe("time", () => {
  it("now_ns comes from the context", () => {
    expect(call("time.now_ns", [], { ...ctx(), nowNs: 5n })).toBe(5);
  });
  it("formats with Go layouts, zones and named layouts", () => {
    expect(call("time.format", [T])).toBe("2023-12-24T18:58:45.73439Z");
    expect(call("time.format", [[T, "UTC", "2006-01-02T15:04:05"]])).toBe("2023-12-24T18:58:45");
    expect(call("time.format", [[T, "America/New_York", "Mon Jan _2 3:04PM MST -07:00 .000"]])).toBe(
      "Sun Dec 24 1:58PM EST -05:00 .734",
    );
    expect(call("time.format", [[T, "Asia/Kolkata", "RFC3339"]])).toBe("2023-12-25T00:28:45+05:30");
    expect(failure("time.format", [[T, "Nowhere/City"]]).message).toContain("unknown time zone");
  });
  it("parses with Go layouts", () => {
    expect(call("time.parse_ns", ["2006-01-02T15:04:05", "2016-05-10T19:06:42"])).toBe(1462907202000000000);
    expect(call("time.parse_ns", ["2006-01-02", "2020-02-29"])).toBe(1582934400000000000);
    expect(call("time.parse_ns", ["Jan 2 2006 3:04PM -0700", "Feb 3 2021 1:05PM +0100"])).toBe(
      Date.UTC(2021, 1, 3, 12, 5) * 1e6,
    );
    expect(call("time.parse_ns", ["RFC822", "02 Jan 06 15:04 UTC"])).toBe(Date.UTC(2006, 0, 2, 15, 4) * 1e6);
    expect(failure("time.parse_ns", ["2006-01-02", "2021-02-30"]).message).toContain("day out of range");
    expect(failure("time.parse_ns", ["2006-01-02", "2021-02-03x"]).message).toContain("extra text");
  });
  it("parses RFC 3339 with fractions and offsets", () => {
    expect(call("time.parse_rfc3339_ns", ["1985-04-12T23:20:50.52Z"])).toBe(482196050520000000);
    expect(call("time.parse_rfc3339_ns", ["1996-12-19T16:39:57-08:00"])).toBe(851042397000000000);
    expect(failure("time.parse_rfc3339_ns", ["1996-12-19"]).code).toBe("eval_builtin_error");
  });
  it("parses Go durations", () => {
    expect(call("time.parse_duration_ns", ["1h6m13.3s20ms15µs1ns"])).toBe(3973320015001);
    expect(call("time.parse_duration_ns", ["-1.5h"])).toBe(-5400e9);
    expect(call("time.parse_duration_ns", ["0"])).toBe(0);
    // Go's messages (OPA passes time.ParseDuration's error on).
    expect(failure("time.parse_duration_ns", ["1h2"]).message).toBe(
      'time.parse_duration_ns: time: missing unit in duration "1h2"',
    );
    expect(failure("time.parse_duration_ns", ["3x"]).message).toBe(
      'time.parse_duration_ns: time: unknown unit "x" in duration "3x"',
    );
    expect(failure("time.parse_duration_ns", ["h"]).message).toBe('time.parse_duration_ns: time: invalid duration "h"');
    expect(failure("time.parse_duration_ns", ["1d"]).message).toContain('unknown unit "d"');
    expect(failure("time.parse_duration_ns", [""]).code).toBe("eval_builtin_error");
  });
  it("reads calendar fields in a zone", () => {
    expect(call("time.date", [T])).toEqual([2023, 12, 24]);
    expect(call("time.clock", [[T, "Europe/Paris"]])).toEqual([19, 58, 45]);
    expect(call("time.weekday", [T])).toBe("Sunday");
    expect(call("time.date", [-1])).toEqual([1969, 12, 31]);
    // Nanoseconds are an int64 in OPA.
    expect(failure("time.date", [1582977600 * 1e12]).message).toBe("time.date: timestamp too big");
    expect(failure("time.clock", [-1e19]).message).toBe("time.clock: timestamp too big");
  });
  it("adds dates with Go's normalization", () => {
    const jan31 = call("time.parse_ns", ["2006-01-02", "2021-01-31"]) as number;
    expect(call("time.format", [[call("time.add_date", [jan31, 0, 1, 0]) as number, "", "2006-01-02"]])).toBe(
      "2021-03-03",
    );
    expect(call("time.add_date", [T, 2147483647, 0, 0])).toBeUndefined();
  });
  it("diffs as OPA does", () => {
    expect(call("time.diff", [T, 1257894000000000000])).toEqual([14, 1, 13, 19, 58, 45]);
    const a = call("time.parse_ns", ["2006-01-02", "2020-02-02"]) as number;
    const b = call("time.parse_ns", ["2006-01-02", "2020-03-01"]) as number;
    expect(call("time.diff", [a, b])).toEqual([0, 0, 28, 0, 0, 0]);
  });
});

describe("net", () => {
  it("checks containment of IPs and CIDRs, IPv4 and IPv6", () => {
    expect(call("net.cidr_contains", ["10.0.0.0/8", "10.1.2.3"])).toBe(true);
    expect(call("net.cidr_contains", ["10.0.0.0/8", "10.1.0.0/16"])).toBe(true);
    expect(call("net.cidr_contains", ["10.0.0.0/16", "10.0.0.0/8"])).toBe(false);
    expect(call("net.cidr_contains", ["2001:db8::/32", "2001:db8:1::1"])).toBe(true);
    expect(call("net.cidr_contains", ["0.0.0.0/0", "::1"])).toBe(false);
    expect(call("net.cidr_contains", ["10.0.0.0/8", "::ffff:10.0.0.1"])).toBe(true);
    expect(failure("net.cidr_contains", ["10.0.0.0/33", "10.0.0.1"]).code).toBe("eval_builtin_error");
  });
  it("intersects, validates and expands", () => {
    expect(call("net.cidr_intersects", ["10.0.0.0/8", "10.200.0.0/16"])).toBe(true);
    expect(call("net.cidr_intersects", ["10.0.0.0/16", "10.1.0.0/16"])).toBe(false);
    expect(call("net.cidr_is_valid", ["0.0.0.0/0"])).toBe(true);
    expect(call("net.cidr_is_valid", ["01.0.0.0/8"])).toBe(false);
    expect(call("net.cidr_is_valid", ["::/0"])).toBe(true);
    expect(equal(call("net.cidr_expand", ["192.168.0.0/31"])!, set("192.168.0.0", "192.168.0.1"))).toBe(true);
    expect(equal(call("net.cidr_expand", ["2001:db8::/127"])!, set("2001:db8::", "2001:db8::1"))).toBe(true);
  });
  it("merges into the fewest blocks", () => {
    expect(equal(call("net.cidr_merge", [["192.0.128.0/24", "192.0.129.0/24"]])!, set("192.0.128.0/23"))).toBe(true);
    // A bare IPv4 address is a /32; a bare IPv6 address is refused, as OPA.
    expect(failure("net.cidr_merge", [["2001:db8::1"]]).message).toBe(
      "net.cidr_merge: IPv6 invalid: needs prefix length",
    );
    expect(equal(call("net.cidr_merge", [["2001:db8::1/128"]])!, set("2001:db8::1/128"))).toBe(true);
    expect(
      equal(
        call("net.cidr_merge", [set("10.0.0.1", "10.0.0.0", "10.0.0.2/31", "2001:db8::/33", "2001:db8:8000::/33")])!,
        set("10.0.0.0/30", "2001:db8::/32"),
      ),
    ).toBe(true);
    expect(equal(call("net.cidr_merge", [["10.0.0.0/8", "10.1.0.0/16"]])!, set("10.0.0.0/8"))).toBe(true);
  });
});

describe("net.cidr_contains_matches", () => {
  it("pairs the keys of containing CIDRs and contained addresses", () => {
    const out = call("net.cidr_contains_matches", [
      { a: "10.0.0.0/8", b: ["192.168.0.0/16", "extra"] },
      ["10.1.1.1", "192.168.1.0/24", "8.8.8.8"],
    ]);
    expect(equal(out!, set(["a", 0], ["b", 1]))).toBe(true);
    expect(equal(call("net.cidr_contains_matches", ["10.0.0.0/8", "10.0.0.1"])!, set(["10.0.0.0/8", "10.0.0.1"]))).toBe(
      true,
    );
  });
});
