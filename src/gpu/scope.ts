import type { GpuQuota, PlanguardConfig } from "../config/config.js";
import type { Model, Resource } from "../plan/model.js";
import type { GpuGroup } from "./demand/groups.js";
import { labelsOf } from "./labels.js";
import type { Side } from "./link.js";

/**
 * Who a GPU resource belongs to and which of its accelerators a quota
 * counts. A resource's team is its `team` tag or label (gpu.team_tag); its
 * environment is its `environment` tag or label (gpu.environment_tag), else
 * the plan's environment from `gpu.environment` (one config per workspace or
 * pipeline, since the CLI has no --environment flag).
 */

const DEFAULT_TEAM_TAG = "team";
const DEFAULT_ENVIRONMENT_TAG = "environment";

const text = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : undefined;

export function teamOf(model: Model, r: Resource, gpu: GpuQuota | undefined, side: Side = "after"): string | undefined {
  return text(labelsOf(model, r, side).labels[gpu?.team_tag ?? DEFAULT_TEAM_TAG]);
}

export function environmentOf(
  model: Model,
  r: Resource,
  gpu: GpuQuota | undefined,
  side: Side = "after",
): string | undefined {
  return (
    text(labelsOf(model, r, side).labels[gpu?.environment_tag ?? DEFAULT_ENVIRONMENT_TAG]) ?? text(gpu?.environment)
  );
}

/** A config map's entry for a tag value: exact key first, else case-insensitive. */
function entryFor<T>(map: Record<string, T> | undefined, key: string | undefined): [string, T] | undefined {
  if (!map || key === undefined) return undefined;
  if (Object.hasOwn(map, key)) return [key, map[key]!];
  const lower = key.toLowerCase();
  const found = Object.keys(map).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : [found, map[found]!];
}

/** Whether a quota counts a group: its kind is in gpu.count_kinds (default all), and workloads only on request. */
export function countedBy(config: PlanguardConfig): (g: GpuGroup) => boolean {
  const kinds = config.gpu?.count_kinds;
  const workloads = config.gpu?.count_kubernetes_workloads === true;
  return (g) =>
    (kinds === undefined || kinds.length === 0 || (kinds as string[]).includes(g.kind)) && (workloads || !g.workload);
}

/** Whether GPU capacity in the resource's environment must be spot. */
export function spotRequired(
  model: Model,
  r: Resource,
  gpu: GpuQuota | undefined,
): { required: boolean; environment?: string } {
  const env = environmentOf(model, r, gpu);
  const entry = entryFor(gpu?.environments, env);
  if (entry && entry[1].require_spot !== undefined) return { required: entry[1].require_spot, environment: entry[0] };
  return env === undefined
    ? { required: gpu?.require_spot === true }
    : { required: gpu?.require_spot === true, environment: env };
}
