/**
 * Builtins that planguard's engine adds to OPA's (as OPA's Go API lets a
 * program register its own): the address-space and sensitive-port facts the
 * TypeScript rules use, so the bundled Rego rules decide "open to the
 * internet" and "a sensitive port" the same way. Policies that call them run
 * only in planguard; `planguard.lib` wraps them (internet_ranges,
 * sensitive_ports, effective, undecided).
 */
import type { PlanguardConfig } from "../../config/config.js";
import { arr, arrayOrSet, def, num, obj, typeError } from "../../rego/builtins/args.js";
import type { BuiltinDef } from "../../rego/builtins/index.js";
import { objectGet, RegoNumber, RegoSet, type ObjectValue, type Value } from "../../rego/value.js";
import { maskCovers, toSteps, type AttributePath } from "../../plan/paths.js";
import { internetRanges, internetThreshold } from "../../rules/address-space.js";
import { providerDefault } from "../../rules/defaults.js";
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
  const config: PlanguardConfig = {
    network: {
      ...(v4 !== undefined ? { internet_ipv4_prefix: v4 } : {}),
      ...(v6 !== undefined ? { internet_ipv6_prefix: v6 } : {}),
    },
  };
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
  return SENSITIVE_PORTS.filter((p) => from <= p.port && p.port <= to).map((p) => ({
    port: p.port,
    name: p.name,
    kind: p.kind,
  }));
}

/**
 * planguard.provider_default(r, path): for a data.planguard resource and an
 * attribute path, {"value": v, "source": url} when the configuration leaves
 * the attribute out and the provider's documented default applies
 * (src/rules/provider-defaults.json); undefined when the planned value
 * stands or the author set it to something known only after apply.
 */
function providerDefaultBuiltin(args: Value[]): Value | undefined {
  const name = "planguard.provider_default";
  const r = obj(name, args, 0);
  const path = arr(name, args, 1).map((s) => (typeof s === "number" ? s : String(s)));
  const type = objectGet(r, "type");
  const expressions = objectGet(r, "expressions");
  if (typeof type !== "string") return undefined;
  const d = providerDefault(
    {
      type,
      after: objectGet(r, "after"),
      isUnknown: unknownTest(r),
      expressions:
        expressions &&
        typeof expressions === "object" &&
        !Array.isArray(expressions) &&
        !(expressions instanceof RegoSet)
          ? (expressions as Record<string, unknown>)
          : undefined,
    },
    path,
  );
  return d ? { value: d.value as Value, source: d.source } : undefined;
}

/**
 * Whether a path of a data.planguard resource is unknown until apply: from its
 * after_unknown mask, or from unknown_paths for a resource written without
 * the mask (as policy tests often are), as lib.is_unknown reads them.
 */
function unknownTest(r: ObjectValue): (path: AttributePath) => boolean {
  const mask = objectGet(r, "after_unknown");
  if (mask && typeof mask === "object" && !Array.isArray(mask) && !(mask instanceof RegoSet))
    return (path) => maskCovers(mask, path);
  const listed = objectGet(r, "unknown_paths");
  const paths = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === "string") : [];
  return (path) => {
    const text = toSteps(path).join(".");
    return paths.some((u) => text === u || text.startsWith(`${u}.`));
  };
}

export const PLANGUARD_BUILTINS: readonly BuiltinDef[] = [
  def("planguard.internet_ranges", 2, internetRangesBuiltin),
  def("planguard.sensitive_ports", 2, sensitivePortsBuiltin),
  def("planguard.provider_default", 2, providerDefaultBuiltin),
];
