import { describe, expect, it } from "vitest";
import { internetRanges, internetThreshold, isOpenToInternet, publicAddresses } from "../../src/rules/address-space.js";
import { exposedAdminPorts, SENSITIVE_PORTS } from "../../src/rules/net.js";

describe("the internet as an address space", () => {
  it("counts the union of ranges, not one string", () => {
    expect(internetRanges(["0.0.0.0/1", "128.0.0.0/1"])).toEqual(["0.0.0.0/1", "128.0.0.0/1"]);
    // 8000::/1 holds no global unicast address: only ::/1 (which holds 2000::/3) is named.
    expect(internetRanges(["::/1", "8000::/1"])).toEqual(["::/1"]);
    expect(internetRanges(["0.0.0.0/0"])).toEqual(["0.0.0.0/0"]);
    expect(internetRanges(["::/0"])).toEqual(["::/0"]);
  });

  it("reads start-end ranges as Azure firewall rules write them", () => {
    expect(internetRanges(["0.0.0.0-10.0.17.62"])).toEqual(["0.0.0.0-10.0.17.62"]);
    expect(internetRanges(["10.0.17.62-255.255.255.255"])).toBeDefined();
    expect(internetRanges(["10.0.0.0-10.255.255.255"])).toBeUndefined();
    // Azure's "allow Azure services" rule is the single address 0.0.0.0.
    expect(internetRanges(["0.0.0.0-0.0.0.0"])).toBeUndefined();
  });

  it("does not count private, shared, documentation or multicast space", () => {
    const p = publicAddresses([
      "10.0.0.0/8",
      "172.16.0.0/12",
      "192.168.0.0/16",
      "100.64.0.0/10",
      "224.0.0.0/3",
      "fd00::/8",
      "2001:db8::/32",
    ]);
    expect(p).toEqual({ ipv4: 0n, ipv6: 0n, ranges: [] });
  });

  it("counts overlapping ranges once", () => {
    const p = publicAddresses(["8.0.0.0/8", "8.8.8.0/24", "8.0.0.0/9"]);
    expect(p.ipv4).toBe(1n << 24n);
    expect(p.ranges).toEqual(["8.0.0.0/8", "8.8.8.0/24", "8.0.0.0/9"]);
  });

  it("names a public range below the threshold but does not call it the internet", () => {
    const p = publicAddresses(["8.8.0.0/16", "10.0.0.0/8"]);
    expect(p.ranges).toEqual(["8.8.0.0/16"]);
    expect(isOpenToInternet(p)).toBe(false);
    // Two /9 halves of a public /8 together reach the default threshold.
    expect(internetRanges(["8.0.0.0/9", "8.128.0.0/9"])).toEqual(["8.0.0.0/9", "8.128.0.0/9"]);
  });

  it("takes the threshold from the config", () => {
    const strict = internetThreshold({ network: { internet_ipv4_prefix: 24, internet_ipv6_prefix: 48 } });
    expect(internetRanges(["8.8.8.0/24"], strict)).toEqual(["8.8.8.0/24"]);
    expect(internetRanges(["2600:1f18::/48"], strict)).toEqual(["2600:1f18::/48"]);
    expect(internetRanges(["8.8.8.0/24"])).toBeUndefined();
  });

  it("treats the names that mean anyone as the whole IPv4 space, and skips what is not an address", () => {
    expect(internetRanges(["*"])).toEqual(["*"]);
    expect(internetRanges(["Internet"])).toEqual(["Internet"]);
    expect(internetRanges(["sg-0123", null, 42, "not a cidr", "10.0.0.0/33"])).toBeUndefined();
  });

  it("answers the same for entries read before, in any list and after thousands of others", () => {
    // Entries are read once and kept (bounded): a kept interval must not be changed by the union of a list.
    const first = publicAddresses(["8.0.0.0/9", "8.128.0.0/9", "10.0.0.0/8", "*"]);
    for (let i = 0; i < 5000; i++) publicAddresses([`8.${i % 256}.${i >> 8}.0/24`]);
    expect(publicAddresses(["8.0.0.0/9", "8.128.0.0/9", "10.0.0.0/8", "*"])).toEqual(first);
    expect(publicAddresses(["8.0.0.0/9"])).toEqual({ ipv4: 1n << 23n, ipv6: 0n, ranges: ["8.0.0.0/9"] });
    expect(publicAddresses(["8.128.0.0/9", "8.0.0.0/9"]).ipv4).toBe(1n << 24n);
    expect(publicAddresses(["10.0.0.0/8"])).toEqual({ ipv4: 0n, ipv6: 0n, ranges: [] });
  });

  it("answers a list again by its strings and the threshold, never handing out a kept list", () => {
    const strict = { ipv4Prefix: 24, ipv6Prefix: 48 };
    expect(internetRanges(["8.8.8.0/24"])).toBeUndefined();
    expect(internetRanges(["8.8.8.0/24"], strict)).toEqual(["8.8.8.0/24"]);
    expect(internetRanges(["8.8.8.0/24", null, 7], strict)).toEqual(["8.8.8.0/24"]);
    // Entries are keyed with their lengths: two entries are not one entry holding a separator.
    expect(internetRanges(["8.8.8.0/24|8:10.0.0.0/8"], strict)).toBeUndefined();
    expect(internetRanges(["0.0.0.0/1", "128.0.0.0/1"])).toEqual(["0.0.0.0/1", "128.0.0.0/1"]);
    const first = internetRanges(["0.0.0.0/0"])!;
    first.push("changed by a caller");
    expect(internetRanges(["0.0.0.0/0"])).toEqual(["0.0.0.0/0"]);
    for (let i = 0; i < 5000; i++) internetRanges([`9.${i % 256}.${i >> 8}.0/24`], strict);
    expect(internetRanges(["8.8.8.0/24"], strict)).toEqual(["8.8.8.0/24"]);
    expect(internetRanges(["8.8.8.0/24"])).toBeUndefined();
  });
});

describe("sensitive ports", () => {
  it("is data with unique ports and one of the documented kinds", () => {
    const kinds = new Set(["admin", "database", "cache", "search", "message-queue", "notebook", "ml-serving"]);
    expect(new Set(SENSITIVE_PORTS.map((p) => p.port)).size).toBe(SENSITIVE_PORTS.length);
    for (const p of SENSITIVE_PORTS) expect(kinds.has(p.kind)).toBe(true);
    for (const kind of kinds) expect(SENSITIVE_PORTS.some((p) => p.kind === kind)).toBe(true);
  });

  it("a range counts as every admin port it includes", () => {
    expect(exposedAdminPorts(20, 23, "tcp")).toBe("SSH (22) and Telnet (23)");
    expect(exposedAdminPorts(3388, 3390, "tcp")).toBe("RDP (3389)");
    expect(exposedAdminPorts(0, 65535, "tcp")).toBe("all ports");
    expect(exposedAdminPorts(442, 444, "tcp")).toBeUndefined();
    expect(exposedAdminPorts(80, 80, "-1")).toBe("all ports");
  });
});
