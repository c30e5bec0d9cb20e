/** Network facts the network rules share. */

export const WORLD_CIDRS = new Set(["0.0.0.0/0", "::/0"]);

/** Ports whose exposure to the internet is an administrative risk. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, "SSH"],
  [3389, "RDP"],
]);

export function isWorldCidr(cidr: unknown): boolean {
  return typeof cidr === "string" && WORLD_CIDRS.has(cidr.trim());
}

/** AWS protocol "-1" or "all" means every protocol and port. */
export function isAllProtocols(protocol: unknown): boolean {
  return protocol === "-1" || protocol === -1 || protocol === "all";
}

/**
 * Names the exposed admin ports (or "all ports") of a port range, or
 * undefined when none is exposed.
 */
export function exposedAdminPorts(fromPort: unknown, toPort: unknown, protocol: unknown): string | undefined {
  if (isAllProtocols(protocol)) return "all ports";
  const from = typeof fromPort === "number" ? fromPort : Number(fromPort);
  const to = typeof toPort === "number" ? toPort : Number(toPort);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if (from <= 0 && to >= 65535) return "all ports";
  const hit = [...ADMIN_PORTS].filter(([port]) => from <= port && port <= to).map(([port, name]) => `${name} (${port})`);
  return hit.length > 0 ? hit.join(" and ") : undefined;
}
