import type { GpuGroup } from "../../gpu/demand.js";

/** Shared by the rules about which accelerators and machine shapes a plan may use (PG-GPU-003, PG-GPU-007, PG-GPU-011). */

export const modelMatches = (g: GpuGroup, names: readonly string[]): boolean => {
  const lower = lowerCased(names);
  return lower.includes(g.shortModel.toLowerCase()) || lower.some((m) => g.model.toLowerCase().includes(m));
};

/**
 * A config list (allowed models or families) in lower case. The rules ask
 * for each of thousands of resources; the lists are the config's own
 * arrays, so each is lowered once.
 */
export function lowerCased(names: readonly string[]): readonly string[] {
  let lower = lowered.get(names);
  if (!lower) lowered.set(names, (lower = names.map((m) => m.toLowerCase())));
  return lower;
}

const lowered = new WeakMap<readonly string[], readonly string[]>();
