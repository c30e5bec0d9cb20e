/**
 * Builtins that planguard's engine adds to OPA's (as OPA's Go API lets a
 * program register its own): the address-space and sensitive-port facts the
 * TypeScript rules use, so the bundled Rego rules decide "open to the
 * internet" and "a sensitive port" the same way. Policies that call them run
 * only in planguard; `planguard.lib` wraps them (internet_ranges,
 * sensitive_ports).
 */
import type { PlanguardConfig } from "../../config/config.js";
import { arrayOrSet, def, num, obj, typeError } from "../../rego/builtins/args.js";
import type { BuiltinDef } from "../../rego/builtins/index.js";
import { objectGet, RegoNumber, type Value } from "../../rego/value.js";
import { internetRanges, internetThreshold } from "../../rules/address-space.js";
import { SENSITIVE_PORTS } from "../../rules/net.js";

/**
 * planguard.internet_ranges(entries, network): the entries (CIDRs, addresses,
 * "a-b" ranges) that admit public addresses, when together they count as the
 * internet under the thresholds of the config's `network` section (the
 * defaults when absent); undefined when they do not. Entries that are not
 * addresses (security group ids, null) are skipped.
 */
function internetRangesBuiltin(args: Value[]): Value | undefined {
  const name = "planguard.internet_ranges";
  const entries = arrayOrSet(name, args, 0);
  const network = obj(name, args, 1);
  const prefix = (key: string): number | undefined => {
    const v = objectGet(network, key);
    return typeof v === "number" ? v : undefined;
  };
  const v4 = prefix("internet_ipv4_prefix");
  const v6 = prefix("internet_ipv6_prefix");
  const config: PlanguardConfig = { network: { ...(v4 !== undefined ? { internet_ipv4_prefix: v4 } : {}), ...(v6 !== undefined ? { internet_ipv6_prefix: v6 } : {}) } };
  return internetRanges(entries, internetThreshold(config));
}

function portNumber(name: string, args: Value[], i: number): number {
  const v = args[i];
  if (typeof v === "string" && /^\d+$/.test(v.trim())) return Number(v);
  if (typeof v === "number" || v instanceof RegoNumber) return num(name, args, i);
  throw typeError(name, i + 1, v ?? null, "number", "string");
}

/**
 * planguard.sensitive_ports(from, to): the sensitive ports (src/rules/sensitive-ports.json)
 * inside the range from..to, each {"port", "name", "kind"}: 20-23 holds SSH and
 * Telnet, 0-65535 every one of them.
 */
function sensitivePortsBuiltin(args: Value[]): Value {
  const name = "planguard.sensitive_ports";
  const from = portNumber(name, args, 0);
  const to = portNumber(name, args, 1);
  return SENSITIVE_PORTS.filter((p) => from <= p.port && p.port <= to).map((p) => ({ port: p.port, name: p.name, kind: p.kind }));
}

export const PLANGUARD_BUILTINS: readonly BuiltinDef[] = [
  def("planguard.internet_ranges", 2, internetRangesBuiltin),
  def("planguard.sensitive_ports", 2, sensitivePortsBuiltin),
];
