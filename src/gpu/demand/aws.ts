import { lookupTable } from "../../plan/own.js";
import type { Attributes } from "../../plan/model.js";
import { getPath, maskCovers } from "../../plan/paths.js";
import { awsInstanceAccelerators } from "../catalog.js";
import type { AcceleratorKind } from "../models.js";
import type { LinkContext, Linked } from "../link.js";
import { list, num, str } from "../values.js";
import {
  afterApply,
  countAt,
  largest,
  merge,
  none,
  scale,
  shapeDemand,
  undecided,
  via,
  type Extractor,
  type GpuDemand,
} from "./groups.js";

/**
 * GPU demand of AWS resources: EC2 instances, autoscaling groups and EKS node
 * groups (through their launch templates and launch configurations),
 * SageMaker notebooks and endpoint configurations, EMR clusters and
 * instance groups.
 */

export const LAUNCH_TEMPLATE_TYPES: readonly string[] = ["aws_launch_template"];

/** Whether a launch template (or configuration) is the one a reference names: by id, name or ARN. */
export const matchesLaunchTemplate = (values: Attributes, ref: string): boolean =>
  values["id"] === ref || values["name"] === ref || values["arn"] === ref;

/**
 * Where an instance, autoscaling group or EKS node group names its launch
 * template: its launch_template block, else a mixed instances policy's
 * launch template specification.
 */
export function launchTemplateBlock(values: Attributes | null): string {
  return getPath(values, "launch_template.0") !== undefined
    ? "launch_template.0"
    : "mixed_instances_policy.0.launch_template.0.launch_template_specification.0";
}

/** The fields a launch template block names its template by (a launch_template block, a launch_template_specification). */
const LAUNCH_TEMPLATE_REF_FIELDS = ["id", "launch_template_id", "name", "launch_template_name"] as const;

/** The launch template a block names, by the first of its id or name fields that is set. */
export function launchTemplateRef(values: Attributes | null, block: string): string | undefined {
  for (const field of LAUNCH_TEMPLATE_REF_FIELDS) {
    const ref = str(getPath(values, `${block}.${field}`));
    if (ref !== undefined) return ref;
  }
  return undefined;
}

const awsShape = (values: Attributes, unknownMask: unknown, path: string, counts: readonly string[] = []): GpuDemand =>
  shapeDemand(values, unknownMask, path, awsInstanceAccelerators, counts);

/** The per-instance demand of a launch template: instance_type, else instance_requirements.accelerator_count.max. */
function templateShape(t: Linked): GpuDemand {
  const byType = awsShape(t.values, t.unknown, "instance_type");
  if (byType.undecided || byType.groups.length > 0) return byType;
  if (str(getPath(t.values, "instance_type")) !== undefined) return byType;
  const max = num(getPath(t.values, "instance_requirements.0.accelerator_count.0.max"));
  const min = num(getPath(t.values, "instance_requirements.0.accelerator_count.0.min"));
  if (max === undefined && (min ?? 0) <= 0) return none();
  if (max === undefined)
    return undecided(`${t.resource.address} asks for instances with at least ${min} accelerators and no maximum`);
  if (max <= 0) return none();
  const makers = list(getPath(t.values, "instance_requirements.0.accelerator_manufacturers")).map(String);
  const names = list(getPath(t.values, "instance_requirements.0.accelerator_names")).map(String);
  const kind: AcceleratorKind = makers.includes("amd")
    ? "amd-gpu"
    : makers.includes("amazon-web-services")
      ? "neuron"
      : makers.includes("habana")
        ? "gaudi"
        : "nvidia-gpu";
  const [onlyName] = names.length === 1 ? names : [];
  const model = onlyName !== undefined ? onlyName.toUpperCase() : "any (instance_requirements)";
  return {
    groups: [
      {
        gpus: max,
        perNode: max,
        nodes: 1,
        model,
        shortModel: model,
        kind,
        shape: "instance_requirements",
        attribute: "instance_requirements.0.accelerator_count.0.max",
        ...(onlyName !== undefined ? {} : { unspecifiedModel: true }),
      },
    ],
  };
}

/** The launch templates a block names; none when it names none, undecided when they are not in the plan. */
function launchTemplates(
  ctx: LinkContext,
  values: Attributes,
  unknownMask: unknown,
  block: string,
): Linked[] | GpuDemand {
  const ref = launchTemplateRef(values, block);
  const found = ctx.linked(block, LAUNCH_TEMPLATE_TYPES, ref, matchesLaunchTemplate);
  if (found.length > 0) return found;
  if (ref === undefined && !LAUNCH_TEMPLATE_REF_FIELDS.some((field) => maskCovers(unknownMask, `${block}.${field}`)))
    return none();
  return undecided(`the launch template named by ${block} is not in the plan`);
}

/** The largest of a block's launch templates × `nodes`, pointed at the attribute that links them. */
function fromLaunchTemplates(
  ctx: LinkContext,
  values: Attributes,
  unknownMask: unknown,
  block: string,
  nodes: number,
  attribute: string,
): GpuDemand {
  const templates = launchTemplates(ctx, values, unknownMask, block);
  if (!Array.isArray(templates)) return templates;
  return via(largest(templates.map((t) => scale(templateShape(t), nodes))), attribute);
}

function asg(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  if (!ctx) return undecided("an autoscaling group's instance type lives in its launch template");
  const max = countAt(values, unknownMask, ["max_size"]);
  if (typeof max === "object") return afterApply(max.unknown);
  const nodes = max ?? 0;
  const mixed = "mixed_instances_policy.0.launch_template.0";
  if (getPath(values, mixed) !== undefined) {
    const overrides = list(getPath(values, `${mixed}.override`));
    const options: GpuDemand[] = [];
    overrides.forEach((o, i) => {
      const type = str(getPath(o, "instance_type"));
      if (type === undefined) return;
      const weight = num(getPath(o, "weighted_capacity")) ?? 1;
      // max_size counts capacity units; an instance of weight w takes w of them.
      const d = awsShape(values, unknownMask, `${mixed}.override.${i}.instance_type`);
      options.push(scale(d, Math.ceil(nodes / Math.max(weight, 1))));
    });
    if (options.length > 0) return largest(options);
    return fromLaunchTemplates(
      ctx,
      values,
      unknownMask,
      `${mixed}.launch_template_specification.0`,
      nodes,
      `${mixed}.launch_template_specification`,
    );
  }
  if (getPath(values, "launch_template.0") !== undefined || maskCovers(unknownMask, "launch_template")) {
    return fromLaunchTemplates(ctx, values, unknownMask, "launch_template.0", nodes, "launch_template");
  }
  const lc = getPath(values, "launch_configuration");
  if (lc !== undefined || maskCovers(unknownMask, "launch_configuration")) {
    const configs = ctx.linked(
      "launch_configuration",
      ["aws_launch_configuration"],
      str(lc),
      (v, ref) => v["name"] === ref || v["id"] === ref,
    );
    if (configs.length === 0)
      return lc === null ? none() : undecided("the launch configuration of launch_configuration is not in the plan");
    return via(
      largest(configs.map((c) => scale(awsShape(c.values, c.unknown, "instance_type"), nodes))),
      "launch_configuration",
    );
  }
  return none();
}

/** aws_instance: its instance_type, or its launch template's when the instance leaves it unset. */
function awsInstance(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  const own = awsShape(values, unknownMask, "instance_type");
  if (!own.undecided || !ctx || getPath(values, "launch_template.0") === undefined) return own;
  if (ctx.configured("instance_type")) return own;
  const templates = launchTemplates(ctx, values, unknownMask, "launch_template.0");
  if (!Array.isArray(templates)) return templates.groups.length === 0 && !templates.undecided ? own : templates;
  return via(largest(templates.map(templateShape)), "launch_template");
}

/** EKS managed node groups: the largest of instance_types (or the launch template's) × scaling_config max. */
function eksNodeGroup(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  const n = countAt(values, unknownMask, ["scaling_config.0.max_size", "scaling_config.0.desired_size"]);
  if (typeof n === "object") return afterApply(n.unknown);
  const nodes = n ?? 1;
  const types = list(getPath(values, "instance_types"));
  if (types.length > 0)
    return largest(types.map((_, i) => scale(awsShape(values, unknownMask, `instance_types.${i}`), nodes)));
  if (ctx && getPath(values, "launch_template.0") !== undefined) {
    return fromLaunchTemplates(ctx, values, unknownMask, "launch_template.0", nodes, "launch_template");
  }
  if (maskCovers(unknownMask, "instance_types") && ctx?.configured("instance_types") !== false)
    return afterApply("instance_types");
  return none();
}

/** Production (or shadow) variants: each its instance type × managed scaling max, else initial count. */
function sagemakerVariants(values: Attributes, unknownMask: unknown, field: string): GpuDemand {
  const parts: GpuDemand[] = [];
  list(getPath(values, field)).forEach((_, i) => {
    const base = `${field}.${i}`;
    const managedMax =
      getPath(values, `${base}.managed_instance_scaling.0.status`) === "ENABLED"
        ? [`${base}.managed_instance_scaling.0.max_instance_count`]
        : [];
    parts.push(
      awsShape(values, unknownMask, `${base}.instance_type`, [...managedMax, `${base}.initial_instance_count`]),
    );
  });
  return merge(...parts);
}

function emrCluster(values: Attributes, unknownMask: unknown): GpuDemand {
  return merge(
    awsShape(values, unknownMask, "master_instance_group.0.instance_type", ["master_instance_group.0.instance_count"]),
    awsShape(values, unknownMask, "core_instance_group.0.instance_type", ["core_instance_group.0.instance_count"]),
  );
}

export const AWS_EXTRACTORS: Readonly<Record<string, Extractor>> = lookupTable<Extractor>({
  aws_instance: awsInstance,
  aws_autoscaling_group: asg,
  aws_eks_node_group: eksNodeGroup,
  aws_sagemaker_notebook_instance: (v, u) => awsShape(v, u, "instance_type"),
  aws_sagemaker_endpoint_configuration: (v, u) =>
    merge(sagemakerVariants(v, u, "production_variants"), sagemakerVariants(v, u, "shadow_production_variants")),
  aws_emr_cluster: emrCluster,
  aws_emr_instance_group: (v, u) => awsShape(v, u, "instance_type", ["instance_count"]),
});
