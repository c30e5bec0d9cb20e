import { lookupTable } from "../../plan/own.js";
import type { Attributes } from "../../plan/model.js";
import { getPath, maskCovers } from "../../plan/paths.js";
import { awsInstanceAccelerators } from "../catalog.js";
import { list, obj } from "../values.js";
import { none, undecided, type Extractor, type GpuDemand, type GpuGroup } from "./groups.js";
import { kubernetesAccelerator, quantity } from "./kubernetes.js";

/**
 * Karpenter NodePools written as kubernetes_manifest resources: a pool that
 * may launch accelerator nodes is bounded by its accelerator limits, the
 * most it may launch.
 */

/** Instance categories of accelerator families (g5, p4d, inf2, trn1, dl1). */
const ACCELERATOR_CATEGORIES = ["g", "p", "inf", "trn", "dl"];

/** Whether any common size of an instance family carries accelerators in the catalog. */
const acceleratedFamily = (family: string): boolean =>
  ["xlarge", "48xlarge", "24xlarge"].some((size) => awsInstanceAccelerators(`${family}.${size}`) !== undefined);

/** A Karpenter NodePool written as a kubernetes_manifest that may launch accelerator nodes. */
export function karpenterNodePool(
  values: Attributes,
): { limits?: Record<string, unknown>; gpuRequirement: string } | undefined {
  const manifest = getPath(values, "manifest");
  if (
    getPath(manifest, "kind") !== "NodePool" ||
    !String(getPath(manifest, "apiVersion") ?? "").startsWith("karpenter.sh/")
  )
    return undefined;
  let gpuRequirement: string | undefined;
  for (const req of list(getPath(manifest, "spec.template.spec.requirements"))) {
    const key = String(getPath(req, "key") ?? "");
    const vals = list(getPath(req, "values")).map(String);
    const op = String(getPath(req, "operator") ?? "");
    if (
      /instance-(gpu|accelerator)-(count|name|manufacturer)$/.test(key) &&
      op !== "DoesNotExist" &&
      !(op === "In" && vals.every((x) => x === "0"))
    )
      gpuRequirement = key;
    else if (
      key === "karpenter.k8s.aws/instance-category" &&
      op === "In" &&
      vals.some((x) => ACCELERATOR_CATEGORIES.includes(x))
    )
      gpuRequirement = key;
    else if (key === "karpenter.k8s.aws/instance-family" && op === "In" && vals.some(acceleratedFamily))
      gpuRequirement = key;
  }
  if (!gpuRequirement) return undefined;
  const limits = obj(getPath(manifest, "spec.limits"));
  return limits ? { limits, gpuRequirement } : { gpuRequirement };
}

/** A Karpenter NodePool's accelerator limits are the most it may launch. */
function karpenterDemand(values: Attributes, unknownMask: unknown): GpuDemand {
  if (maskCovers(unknownMask, "manifest")) return none();
  const np = karpenterNodePool(values);
  if (!np) return none();
  const groups: GpuGroup[] = [];
  for (const [name, v] of Object.entries(np.limits ?? {})) {
    const acc = kubernetesAccelerator(name);
    const n = quantity(v);
    if (!acc || n === undefined) continue;
    const model = `any (Karpenter NodePool, ${name})`;
    groups.push({
      gpus: n * acc.perUnit,
      perNode: n * acc.perUnit,
      nodes: 1,
      model,
      shortModel: name,
      kind: acc.kind,
      shape: name,
      attribute: `manifest.spec.limits.${name}`,
      unspecifiedModel: true,
    });
  }
  if (groups.length > 0) return { groups };
  return undecided(
    `the NodePool may launch accelerator nodes (${np.gpuRequirement}) but spec.limits sets no accelerator limit`,
  );
}

export const KARPENTER_EXTRACTORS: Readonly<Record<string, Extractor>> = lookupTable<Extractor>({
  kubernetes_manifest: karpenterDemand,
});
