import { lookupTable } from "../../plan/own.js";
import type { Attributes } from "../../plan/model.js";
import { getPath, maskCovers } from "../../plan/paths.js";
import { gcpAcceleratorModel } from "../catalog.js";
import { shortModelName, type AcceleratorKind } from "../models.js";
import type { LinkContext, Linked } from "../link.js";
import { list, num, obj, str } from "../values.js";
import { afterApply, none, scale, undecided, type Extractor, type GpuGroup } from "./groups.js";

/**
 * GPU requests of Kubernetes workloads (Deployments, StatefulSets, Jobs,
 * CronJobs, Pods, DaemonSets): accelerators per pod × replicas. They land on
 * nodes that a node pool already counts, so their groups are marked
 * `workload` and kept apart from cloud capacity.
 */

/** Extended resources that name accelerators, and what one unit of each is worth. */
export function kubernetesAccelerator(resourceName: string): { kind: AcceleratorKind; perUnit: number } | undefined {
  if (resourceName === "nvidia.com/gpu" || resourceName === "nvidia.com/gpu.shared")
    return { kind: "nvidia-gpu", perUnit: 1 };
  // MIG slices: nvidia.com/mig-3g.20gb is 3 of the 7 compute slices of an A100/H100.
  const mig = /^nvidia\.com\/mig-(\d+)g\./.exec(resourceName);
  if (mig) return { kind: "nvidia-gpu", perUnit: Number(mig[1]) / 7 };
  if (resourceName === "amd.com/gpu") return { kind: "amd-gpu", perUnit: 1 };
  if (resourceName === "aws.amazon.com/neuron" || resourceName === "aws.amazon.com/neurondevice")
    return { kind: "neuron", perUnit: 1 };
  // Inferentia2 and Trainium chips hold 2 NeuronCores each.
  if (resourceName === "aws.amazon.com/neuroncore") return { kind: "neuron", perUnit: 0.5 };
  if (resourceName === "habana.ai/gaudi") return { kind: "gaudi", perUnit: 1 };
  if (resourceName === "google.com/tpu") return { kind: "tpu", perUnit: 1 };
  return undefined;
}

/** A resource quantity as Kubernetes writes it for whole or decimal devices ("1", 2, "0.5"). */
export function quantity(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export interface ContainerGpus {
  container: string;
  attribute: string;
  resource: string;
  limit?: number;
  request?: number;
}

/** Accelerator limits and requests of each container of a pod spec. */
export function containerGpus(values: Attributes, podSpec: string): ContainerGpus[] {
  const out: ContainerGpus[] = [];
  for (const field of ["container", "init_container"]) {
    list(getPath(values, `${podSpec}.${field}`)).forEach((c, i) => {
      const limits = obj(getPath(c, "resources.0.limits")) ?? {};
      const requests = obj(getPath(c, "resources.0.requests")) ?? {};
      for (const name of new Set([...Object.keys(limits), ...Object.keys(requests)])) {
        if (!kubernetesAccelerator(name)) continue;
        const entry: ContainerGpus = {
          container: str(getPath(c, "name")) ?? `${field}[${i}]`,
          attribute: `${podSpec}.${field}.${i}.resources.0`,
          resource: name,
        };
        const l = quantity(limits[name]);
        const r = quantity(requests[name]);
        if (l !== undefined) entry.limit = l;
        if (r !== undefined) entry.request = r;
        out.push(entry);
      }
    });
  }
  return out;
}

/** The model a pod asks for through its node selector, when it names one. */
function selectedModel(values: Attributes, podSpec: string): { model: string; shortModel: string } | undefined {
  const selector = obj(getPath(values, `${podSpec}.node_selector`)) ?? {};
  const gke = str(selector["cloud.google.com/gke-accelerator"]);
  if (gke) return gcpAcceleratorModel(gke) ?? { model: gke, shortModel: shortModelName(gke) };
  const named = str(selector["karpenter.k8s.aws/instance-gpu-name"]) ?? str(selector["nvidia.com/gpu.product"]);
  if (named) {
    const token = /([A-Z]+\d+[A-Z]*)/i.exec(named.replace(/^NVIDIA[-_ ]/i, ""))?.[1];
    return { model: named, shortModel: (token ?? named).toUpperCase() };
  }
  return undefined;
}

/** GPUs per pod: the sum over containers, or the largest init container if that is more (they run before). */
function podDemand(values: Attributes, podSpec: string): GpuGroup[] {
  const byResource = new Map<
    string,
    { main: number; init: number; attribute: string; perUnit: number; kind: AcceleratorKind }
  >();
  for (const c of containerGpus(values, podSpec)) {
    const acc = kubernetesAccelerator(c.resource);
    if (!acc) continue;
    const n = c.limit ?? c.request ?? 0;
    const entry = byResource.get(c.resource) ?? { main: 0, init: 0, attribute: c.attribute, ...acc };
    if (c.attribute.includes(".init_container.")) entry.init = Math.max(entry.init, n);
    else entry.main += n;
    byResource.set(c.resource, entry);
  }
  const model = selectedModel(values, podSpec);
  const groups: GpuGroup[] = [];
  for (const [name, e] of byResource) {
    const perPod = Math.max(e.main, e.init) * e.perUnit;
    if (perPod <= 0) continue;
    groups.push({
      gpus: perPod,
      perNode: perPod,
      nodes: 1,
      model: model?.model ?? name,
      shortModel: model?.shortModel ?? name,
      kind: e.kind,
      shape: name,
      attribute: e.attribute,
      workload: true,
      ...(model ? {} : { unspecifiedModel: true }),
    });
  }
  return groups;
}

const HPA_TYPES: readonly string[] = [
  "kubernetes_horizontal_pod_autoscaler",
  "kubernetes_horizontal_pod_autoscaler_v1",
  "kubernetes_horizontal_pod_autoscaler_v2",
  "kubernetes_horizontal_pod_autoscaler_v2beta2",
];

/** The kinds a HorizontalPodAutoscaler can target among the workload types read here. */
export type ScalableKind = "Deployment" | "StatefulSet";

/**
 * The HorizontalPodAutoscalers that target a workload: by its kind, name and
 * namespace, or through the configuration's references.
 */
export function horizontalAutoscalersOf(ctx: LinkContext, values: Attributes, kind: ScalableKind): Linked[] {
  const name = str(getPath(values, "metadata.0.name"));
  const namespace = str(getPath(values, "metadata.0.namespace")) ?? "default";
  return ctx.referrers(HPA_TYPES, "spec", (h) => {
    const target = obj(getPath(h, "spec.0.scale_target_ref.0"));
    return (
      !!target &&
      target["kind"] === kind &&
      target["name"] === name &&
      (str(getPath(h, "metadata.0.namespace")) ?? "default") === namespace
    );
  });
}

type Replicas = (
  values: Attributes,
  unknownMask: unknown,
  ctx: LinkContext | undefined,
) => number | { unknown: string };

/** Replicas of a Deployment or StatefulSet: a HorizontalPodAutoscaler's max_replicas when one targets it. */
function scalableReplicas(kind: ScalableKind): Replicas {
  return (values, unknownMask, ctx) => {
    const hpas = ctx ? horizontalAutoscalersOf(ctx, values, kind) : [];
    const hpaMax = hpas
      .map((h) => num(getPath(h.values, "spec.0.max_replicas")))
      .filter((m): m is number => m !== undefined);
    const own = num(getPath(values, "spec.0.replicas"));
    if (hpaMax.length > 0) return Math.max(...hpaMax, own ?? 0);
    if (own !== undefined) return own;
    if (maskCovers(unknownMask, "spec.0.replicas")) return { unknown: "spec.0.replicas" };
    return 1;
  };
}

/** Pods a Job (or a CronJob's job template) runs at once. */
const jobParallelism =
  (jobSpec: string): Replicas =>
  (values) =>
    num(getPath(values, `${jobSpec}.parallelism`)) ?? 1;

function podsTimesReplicas(podSpec: string, replicas: Replicas): Extractor {
  return (values, unknownMask, ctx) => {
    if (maskCovers(unknownMask, podSpec)) return afterApply(podSpec);
    const groups = podDemand(values, podSpec);
    if (groups.length === 0) return none();
    const n = replicas(values, unknownMask, ctx);
    if (typeof n === "object") return afterApply(n.unknown);
    return scale({ groups }, n);
  };
}

function daemonSet(podSpec: string): Extractor {
  return (values, unknownMask) => {
    const groups = podDemand(values, podSpec);
    if (groups.length === 0) return maskCovers(unknownMask, "spec.0.template") ? afterApply("spec.0.template") : none();
    return undecided("a DaemonSet runs one pod on every matching node; the node count is not in the plan");
  };
}

/** A workload type: where its pod spec sits, how its demand is read, and what an HPA calls it. */
interface WorkloadType {
  podSpec: string;
  extract: Extractor;
  scalesAs?: ScalableKind;
}

const POD_TEMPLATE = "spec.0.template.0.spec.0";
const CRON_JOB_POD_TEMPLATE = "spec.0.job_template.0.spec.0.template.0.spec.0";

const scalable = (kind: ScalableKind): WorkloadType => ({
  podSpec: POD_TEMPLATE,
  extract: podsTimesReplicas(POD_TEMPLATE, scalableReplicas(kind)),
  scalesAs: kind,
});
const job: WorkloadType = { podSpec: POD_TEMPLATE, extract: podsTimesReplicas(POD_TEMPLATE, jobParallelism("spec.0")) };
const cronJob: WorkloadType = {
  podSpec: CRON_JOB_POD_TEMPLATE,
  extract: podsTimesReplicas(CRON_JOB_POD_TEMPLATE, jobParallelism("spec.0.job_template.0.spec.0")),
};
const pod: WorkloadType = { podSpec: "spec.0", extract: podsTimesReplicas("spec.0", () => 1) };
const daemon: WorkloadType = { podSpec: POD_TEMPLATE, extract: daemonSet(POD_TEMPLATE) };

// Indexed by the plan's resource types: no prototype, so type "constructor" is no workload.
const WORKLOAD_TYPES: Readonly<Record<string, WorkloadType>> = lookupTable({
  kubernetes_deployment: scalable("Deployment"),
  kubernetes_deployment_v1: scalable("Deployment"),
  kubernetes_stateful_set: scalable("StatefulSet"),
  kubernetes_stateful_set_v1: scalable("StatefulSet"),
  kubernetes_job: job,
  kubernetes_job_v1: job,
  kubernetes_cron_job: cronJob,
  kubernetes_cron_job_v1: cronJob,
  kubernetes_pod: pod,
  kubernetes_pod_v1: pod,
  kubernetes_daemonset: daemon,
  kubernetes_daemon_set_v1: daemon,
});

/** Kubernetes workload types: their GPUs are requests on nodes, not cloud capacity. */
export const KUBERNETES_WORKLOAD_TYPES: readonly string[] = Object.keys(WORKLOAD_TYPES);

export const KUBERNETES_EXTRACTORS: Readonly<Record<string, Extractor>> = lookupTable(
  Object.fromEntries(Object.entries(WORKLOAD_TYPES).map(([type, workload]) => [type, workload.extract])),
);

/** Where the pod spec of a Kubernetes workload type sits. */
export function podSpecPath(type: string): string | undefined {
  return WORKLOAD_TYPES[type]?.podSpec;
}

/** The kind an HPA names a workload type by (Deployment, StatefulSet); undefined for types an HPA does not scale. */
export function horizontalScaleKind(type: string): ScalableKind | undefined {
  return WORKLOAD_TYPES[type]?.scalesAs;
}
