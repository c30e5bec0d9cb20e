/** Network facts the network rules share: protocols and the sensitive ports (data: sensitive-ports.json). */
import sensitivePorts from "./sensitive-ports.json" with { type: "json" };

export type PortKind = "admin" | "database" | "cache" | "search" | "message-queue" | "notebook" | "ml-serving";

export interface SensitivePort {
  port: number;
  name: string;
  kind: PortKind;
}

export const SENSITIVE_PORTS: readonly SensitivePort[] = sensitivePorts.ports as SensitivePort[];

/** Ports whose exposure to the internet is an administrative risk. */
const ADMIN_PORTS: readonly SensitivePort[] = SENSITIVE_PORTS.filter((p) => p.kind === "admin");

/** AWS protocol "-1" or "all" means every protocol and port. */
export function isAllProtocols(protocol: unknown): boolean {
  return protocol === "-1" || protocol === -1 || protocol === "all";
}

/**
 * Names the exposed admin ports (or "all ports") of a port range, or
 * undefined when none is exposed. A range counts as every port it includes:
 * 20-23 exposes SSH.
 */
export function exposedAdminPorts(fromPort: unknown, toPort: unknown, protocol: unknown): string | undefined {
  if (isAllProtocols(protocol)) return "all ports";
  const from = typeof fromPort === "number" ? fromPort : Number(fromPort);
  const to = typeof toPort === "number" ? toPort : Number(toPort);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if (from <= 0 && to >= 65535) return "all ports";
  // Asked for every ingress of a plan, most of which open no admin port: nothing is allocated for those.
  let named: string | undefined;
  for (let i = 0; i < ADMIN_PORTS.length; i++) {
    const { port, name } = ADMIN_PORTS[i]!;
    if (from <= port && port <= to)
      named = named === undefined ? `${name} (${port})` : `${named} and ${name} (${port})`;
  }
  return named;
}
