import type { Model, Resource } from "../plan/model.js";
import { gpuDemandOf, ownerLabels } from "./demand.js";

/** GPUs on one side of a plan (before or after apply), by model and by team. */
export interface GpuTally {
  total: number;
  byModel: Record<string, number>;
  byTeam: Record<string, number>;
}

export interface GpuSummary {
  before: GpuTally;
  after: GpuTally;
  /** Resources whose GPU count is known only after apply. */
  undecided: string[];
}

const UNTAGGED = "(no team tag)";

function emptyTally(): GpuTally {
  return { total: 0, byModel: {}, byTeam: {} };
}

function add(tally: GpuTally, r: Resource, values: Resource["after"], unknownMask: unknown): string | undefined {
  const demand = gpuDemandOf(r.type, values, unknownMask);
  if (!demand) return undefined;
  const team = String(ownerLabels(r.type, values).labels["team"] ?? UNTAGGED);
  for (const g of demand.groups) {
    tally.total += g.gpus;
    tally.byModel[g.shortModel] = (tally.byModel[g.shortModel] ?? 0) + g.gpus;
    tally.byTeam[team] = (tally.byTeam[team] ?? 0) + g.gpus;
  }
  return demand.undecided;
}

/**
 * Before: what exists now (the plan's `before` side, or the state).
 * After: what will exist once the plan is applied.
 */
export function summarizeGpus(models: readonly Model[]): GpuSummary {
  const summary: GpuSummary = { before: emptyTally(), after: emptyTally(), undecided: [] };
  for (const model of models) {
    for (const r of model.resources) {
      if (r.mode !== "managed" || r.deposed) continue;
      if (r.before) add(summary.before, r, r.before, undefined);
      if (r.willExist && add(summary.after, r, r.after, r.afterUnknown)) summary.undecided.push(r.address);
    }
  }
  return summary;
}
