import type { GpuQuota } from "../config/config.js";
import type { Model, Resource } from "../plan/model.js";
import { resourceGpuDemand, type GpuGroup } from "./demand.js";
import type { Side } from "./link.js";
import { environmentOf, teamOf } from "./scope.js";

/** Accelerators on one side of a plan (before or after apply), by model, team and kind. */
export interface GpuTally {
  /** Cloud capacity: instances, node pools, endpoints (every kind). */
  total: number;
  byModel: Record<string, number>;
  byTeam: Record<string, number>;
  /**
   * By the resource's environment tag or label (gpu.environment_tag), else
   * the config's gpu.environment; "(no environment tag)" when neither is set.
   */
  byEnvironment: Record<string, number>;
  /** nvidia-gpu, amd-gpu, neuron (chips), gaudi, qualcomm-ai100, tpu (chips). */
  byKind: Record<string, number>;
  /**
   * Kubernetes workloads' requests (limits × replicas). They run on nodes
   * counted above, so they are kept out of `total`.
   */
  workloads: { total: number; byKind: Record<string, number>; byTeam: Record<string, number> };
}

export interface GpuSummary {
  before: GpuTally;
  after: GpuTally;
  /** Resources whose GPU count is known only after apply (or not in the plan). */
  undecided: string[];
}

const UNTAGGED = "(no team tag)";
const NO_ENVIRONMENT = "(no environment tag)";

function emptyTally(): GpuTally {
  // Keyed by tag values from the plan (a team "constructor"): counters without a prototype.
  const counts = (): Record<string, number> => Object.create(null);
  return {
    total: 0,
    byModel: counts(),
    byTeam: counts(),
    byEnvironment: counts(),
    byKind: counts(),
    workloads: { total: 0, byKind: counts(), byTeam: counts() },
  };
}

const bump = (m: Record<string, number>, k: string, n: number) => {
  m[k] = (m[k] ?? 0) + n;
};

function add(tally: GpuTally, model: Model, r: Resource, side: Side, gpu: GpuQuota | undefined): string | undefined {
  const demand = resourceGpuDemand(model, r, side);
  if (!demand) return undefined;
  let team: string | undefined;
  // The team tag (gpu.team_tag) read as the quota rules read it: a tag value that is not
  // text (an object in a hostile plan) is no team.
  const teamName = (): string => (team ??= teamOf(model, r, gpu, side) ?? UNTAGGED);
  for (const g of demand.groups as GpuGroup[]) {
    if (g.gpus <= 0) continue;
    if (g.workload) {
      tally.workloads.total += g.gpus;
      bump(tally.workloads.byKind, g.kind, g.gpus);
      bump(tally.workloads.byTeam, teamName(), g.gpus);
      continue;
    }
    tally.total += g.gpus;
    bump(tally.byModel, g.shortModel, g.gpus);
    bump(tally.byTeam, teamName(), g.gpus);
    bump(tally.byEnvironment, environmentOf(model, r, gpu, side) ?? NO_ENVIRONMENT, g.gpus);
    bump(tally.byKind, g.kind, g.gpus);
  }
  return demand.undecided;
}

/**
 * Before: what exists now (the plan's `before` side, or the state).
 * After: what will exist once the plan is applied.
 */
export function summarizeGpus(models: readonly Model[], gpu?: GpuQuota): GpuSummary {
  const summary: GpuSummary = { before: emptyTally(), after: emptyTally(), undecided: [] };
  for (const model of models) {
    for (const r of model.resources) {
      if (r.mode !== "managed" || r.deposed) continue;
      if (r.before) add(summary.before, model, r, "before", gpu);
      if (r.willExist && add(summary.after, model, r, "after", gpu)) summary.undecided.push(r.address);
    }
  }
  return summary;
}
