import type { Attributes, Model, Resource } from "../plan/model.js";
import { getPath } from "../plan/paths.js";
import { launchTemplateBlock, launchTemplateRef, LAUNCH_TEMPLATE_TYPES, matchesLaunchTemplate } from "./demand/aws.js";
import { instanceTemplatesOf } from "./demand/gcp.js";
import { podSpecPath } from "./demand/kubernetes.js";
import { linkContext, type Linked, type Side } from "./link.js";
import { obj } from "./values.js";

/**
 * Tags (AWS, Azure) or labels (GCP, Kubernetes) of GPU resources: where the
 * team and environment a quota counts against are written.
 */

/** Tags or labels with the paths they were read from; shared by every caller, so never mutated. */
export interface OwnerLabels {
  readonly labels: Readonly<Record<string, unknown>>;
  readonly paths: readonly string[];
}

/** Paths of the tags (AWS, Azure) or labels (GCP, Kubernetes) of a GPU resource type, once per type. */
function labelPaths(type: string): readonly string[] {
  let paths = labelPathsByType.get(type);
  if (!paths) labelPathsByType.set(type, (paths = labelPathsOf(type)));
  return paths;
}

const labelPathsByType = new Map<string, readonly string[]>();

function labelPathsOf(type: string): string[] {
  if (type === "kubernetes_manifest") return ["manifest.metadata.labels", "manifest.spec.template.metadata.labels"];
  if (type.startsWith("kubernetes_")) {
    const pod = podSpecPath(type);
    return pod && pod !== "spec.0"
      ? ["metadata.0.labels", pod.replace(/\.spec\.0$/, ".metadata.0.labels")]
      : ["metadata.0.labels"];
  }
  if (type === "google_container_node_pool") return ["node_config.0.resource_labels", "node_config.0.labels"];
  if (type === "google_container_cluster") return ["resource_labels"];
  if (type === "google_compute_instance_group_manager" || type === "google_compute_region_instance_group_manager")
    return ["all_instances_config.0.labels"];
  if (type.startsWith("google_")) return ["labels", "effective_labels"];
  if (type === "aws_autoscaling_group") return ["tag"];
  return ["tags", "tags_all"];
}

/** Tags (AWS, Azure) or labels (GCP, Kubernetes) of a GPU resource, where the provider keeps them. */
export function ownerLabels(
  type: string,
  values: Attributes | null,
): { labels: Record<string, unknown>; paths: readonly string[] } {
  const paths = labelPaths(type);
  // Keys are the plan's tag names and look-ups the config's tag names: no prototype, so
  // "constructor" or "__proto__" is a tag like any other (held, or absent).
  const labels: Record<string, unknown> = Object.create(null);
  for (const p of paths) {
    const v = getPath(values, p);
    if (Array.isArray(v)) {
      // aws_autoscaling_group: tag { key, value, propagate_at_launch }
      for (const t of v) {
        const tag = obj(t);
        if (tag && typeof tag["key"] === "string") labels[tag["key"]] = tag["value"];
      }
    } else {
      const map = obj(v);
      if (!map) continue;
      for (const k of Object.keys(map)) if (!(k in labels)) labels[k] = map[k];
    }
  }
  return { labels, paths };
}

/**
 * Tags or labels of a resource, falling back to those of the template its
 * instances are made from (a MIG's instance template, an ASG's launch
 * template), which is where teams usually put them.
 */
export function labelsOf(model: Model, r: Resource, side: Side = "after"): OwnerLabels {
  let cached = labelsCache.get(r);
  if (!cached) labelsCache.set(r, (cached = {}));
  return (cached[side] ??= readLabels(model, r, side));
}

/**
 * The GPU rules ask for a resource's labels again and again (its team for
 * each team quota, its environment for each environment quota and for the
 * spot rule, its tags): they depend only on the resource (one model's) and
 * the side, so they are read once, like the demand.
 */
const labelsCache = new WeakMap<Resource, Partial<Record<Side, OwnerLabels>>>();

function readLabels(model: Model, r: Resource, side: Side): OwnerLabels {
  const values = side === "after" ? r.after : r.before;
  const own = ownerLabels(r.type, values);
  const [template] = templatesOf(model, r, side, values);
  if (template) {
    const inherited = ownerLabels(template.resource.type, template.values).labels;
    for (const [k, v] of Object.entries(inherited)) if (!(k in own.labels)) own.labels[k] = v;
  }
  return own;
}

/** The templates a resource's instances are made from, for the types whose labels live there. */
function templatesOf(model: Model, r: Resource, side: Side, values: Attributes | null): Linked[] {
  if (r.type === "google_compute_instance_group_manager" || r.type === "google_compute_region_instance_group_manager") {
    return instanceTemplatesOf(linkContext(model, r, side), values, "version.0.instance_template");
  }
  if (r.type === "aws_autoscaling_group" || r.type === "aws_eks_node_group") {
    const block = launchTemplateBlock(values);
    return linkContext(model, r, side).linked(
      block,
      LAUNCH_TEMPLATE_TYPES,
      launchTemplateRef(values, block),
      matchesLaunchTemplate,
    );
  }
  return [];
}
