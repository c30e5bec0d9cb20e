import { gpuAllowedFamilies } from "../../../src/rules/gpu/any/allowed-families.js";
import { gpuAllowedModels } from "../../../src/rules/gpu/any/allowed-models.js";
import { gpuAutoscalingBound } from "../../../src/rules/gpu/any/autoscaling-bound.js";
import { gpuDeprecatedModels } from "../../../src/rules/gpu/any/deprecated-models.js";
import { gpuEnvironmentQuota } from "../../../src/rules/gpu/any/environment-quota.js";
import { gpuOnDemandWhereSpotRequired } from "../../../src/rules/gpu/any/on-demand-where-spot-required.js";
import { gpuPerResourceQuota } from "../../../src/rules/gpu/any/per-resource-quota.js";
import { gpuPublicIp } from "../../../src/rules/gpu/any/public-ip.js";
import { gpuRequiredTags } from "../../../src/rules/gpu/any/required-tags.js";
import { gpuTeamQuota } from "../../../src/rules/gpu/any/team-quota.js";
import { gpuTotalQuota } from "../../../src/rules/gpu/any/total-quota.js";
import { gpuNodeWorkloadWithoutGpuLimit } from "../../../src/rules/gpu/kubernetes/node-workload-without-gpu-limit.js";
import { gpuWorkloadLimits } from "../../../src/rules/gpu/kubernetes/workload-limits.js";
import type { InlineResource } from "../inline-plan.js";
import type { RuleTable } from "../rule-tester.js";

/**
 * The GPU pillar's TypeScript rules. Shapes and counts come from the bundled
 * catalog: g5.xlarge has one A10G, g5.12xlarge four, p4d.24xlarge eight
 * A100, p2.xlarge one K80.
 */

/** An EC2 instance of the given type, with tags. */
function ec2(
  name: string,
  instanceType: string,
  tags: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): InlineResource {
  return { address: `aws_instance.${name}`, values: { ami: "ami-1", instance_type: instanceType, tags, ...extra } };
}

/** An EC2 instance whose type comes from a variable. */
function ec2OfUnknownType(name: string, tags: Record<string, string> = {}): InlineResource {
  return {
    address: `aws_instance.${name}`,
    values: { ami: "ami-1", tags },
    unknown: { instance_type: true },
    refs: { instance_type: ["var.instance_type"] },
  };
}

/** An EKS node group of g5.xlarge nodes scaling between min and max (max undefined: no scaling_config max). */
function nodeGroup(scaling: Record<string, unknown>, extra: Record<string, unknown> = {}): InlineResource {
  return {
    address: "aws_eks_node_group.gpu",
    values: { cluster_name: "ml", instance_types: ["g5.xlarge"], scaling_config: [scaling], ...extra },
  };
}

/** A pod with one container asking for accelerators. */
function pod(resources: Record<string, unknown>, spec: Record<string, unknown> = {}): InlineResource {
  return {
    address: "kubernetes_pod.train",
    values: {
      metadata: [{ name: "train" }],
      spec: [{ container: [{ name: "trainer", image: "trainer:1.0", resources: [resources] }], ...spec }],
    },
  };
}

export const gpuTables: RuleTable[] = [
  {
    rule: gpuTotalQuota,
    config: { gpu: { max_total: 8 } },
    valid: [
      { name: "8 GPUs against a quota of 8", resources: [ec2("a", "g5.12xlarge"), ec2("b", "g5.12xlarge")] },
      { name: "no quota set", config: {}, resources: [ec2("big", "p4d.24xlarge"), ec2("b", "p4d.24xlarge")] },
    ],
    invalid: [
      {
        name: "12 GPUs against 8, the largest named",
        resources: [ec2("a", "g5.12xlarge"), ec2("big", "p4d.24xlarge")],
        errors: [
          {
            message: "The plan adds up to 12 GPUs, over the quota of 8; the largest is aws_instance.big with 8.",
            attribute: undefined,
            resource: "aws_instance.big",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "an instance whose type comes from a variable",
        resources: [ec2("a", "g5.12xlarge"), ec2OfUnknownType("maybe")],
        undecided: [
          {
            message:
              "The GPU total could not be decided: the shape or size of aws_instance.maybe is known only after apply or not in the plan.",
            attribute: undefined,
          },
        ],
      },
    ],
  },
  {
    rule: gpuPerResourceQuota,
    config: { gpu: { max_per_resource: 4 } },
    valid: [{ name: "four GPUs against a limit of 4", resources: [ec2("a", "g5.12xlarge")] }],
    invalid: [
      {
        name: "eight A100s against 4",
        resources: [ec2("big", "p4d.24xlarge")],
        errors: [
          {
            message: "aws_instance.big asks for 8 GPUs (p4d.24xlarge), over the per-resource limit of 4.",
            attribute: "instance_type",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the instance type from a variable",
        resources: [ec2OfUnknownType("maybe")],
        undecided: [
          { message: "GPU count is not decided: instance_type is known only after apply.", attribute: undefined },
        ],
      },
    ],
  },
  {
    rule: gpuAllowedModels,
    config: { gpu: { allowed_models: ["A100", "H100"] } },
    valid: [
      { name: "an A100 instance", resources: [ec2("big", "p4d.24xlarge")] },
      { name: "a CPU instance", resources: [ec2("cpu", "m5.large")] },
    ],
    invalid: [
      {
        name: "an A10G instance",
        resources: [ec2("a", "g5.xlarge")],
        errors: [
          {
            message: "aws_instance.a uses NVIDIA A10G (g5.xlarge), which is not among the allowed models (A100, H100).",
            attribute: "instance_type",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the instance type from a variable",
        resources: [ec2OfUnknownType("maybe")],
        undecided: [],
        silentBecause:
          "a shape known only after apply has no model to judge; PG-GPU-002 and the quotas report it as undecided",
      },
    ],
  },
  {
    rule: gpuRequiredTags,
    config: { gpu: { require_tags: ["team", "cost-center"] } },
    valid: [
      { name: "both tags", resources: [ec2("a", "g5.xlarge", { team: "research", "cost-center": "ml-1" })] },
      { name: "a CPU instance without tags", resources: [ec2("cpu", "m5.large")] },
    ],
    invalid: [
      {
        name: "one tag missing, one empty",
        resources: [ec2("a", "g5.xlarge", { "cost-center": "" }, { tags_all: { "cost-center": "" } })],
        errors: [{ message: "aws_instance.a carries GPUs but lacks the tags team, cost-center.", attribute: "tags" }],
      },
    ],
    undecided: [
      {
        name: "tags_all (the provider's default_tags) known only after apply",
        resources: [
          {
            address: "aws_instance.a",
            values: { ami: "ami-1", instance_type: "g5.xlarge", tags: { team: "research" } },
            unknown: { tags_all: true },
          },
        ],
        undecided: [{ message: "Tags cost-center may come from values known only after apply.", attribute: "tags" }],
      },
    ],
  },
  {
    rule: gpuTeamQuota,
    config: { gpu: { teams: { research: { max_total: 4 }, serving: {} } } },
    valid: [
      {
        name: "research at its quota, other teams unlimited",
        resources: [ec2("a", "g5.12xlarge", { team: "research" }), ec2("b", "p4d.24xlarge", { team: "serving" })],
      },
      { name: "untagged resources count against no team", resources: [ec2("a", "p4d.24xlarge")] },
    ],
    invalid: [
      {
        name: "research over its quota (the tag matched case-insensitively)",
        resources: [ec2("a", "g5.12xlarge", { team: "Research" }), ec2("b", "g5.xlarge", { team: "research" })],
        errors: [
          {
            message: "Team research adds up to 5 GPUs, over its quota of 4; the largest is aws_instance.a with 4.",
            attribute: undefined,
            resource: "aws_instance.a",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a research instance whose type comes from a variable",
        resources: [ec2("a", "g5.xlarge", { team: "research" }), ec2OfUnknownType("maybe", { team: "research" })],
        undecided: [
          {
            message:
              "Team research's GPU total could not be decided: the shape or size of aws_instance.maybe is known only after apply",
            attribute: undefined,
          },
        ],
      },
    ],
  },
  {
    rule: gpuEnvironmentQuota,
    config: { gpu: { environment: "dev", environments: { dev: { max_total: 1 }, prod: { max_total: 16 } } } },
    valid: [
      {
        name: "dev within its quota, prod tagged apart",
        resources: [ec2("a", "g5.xlarge"), ec2("b", "p4d.24xlarge", { environment: "prod" })],
      },
    ],
    invalid: [
      {
        name: "dev (the plan's environment) over its quota",
        resources: [ec2("a", "g5.xlarge"), ec2("b", "g5.12xlarge", { environment: "dev" })],
        errors: [
          {
            message: "Environment dev adds up to 5 GPUs, over its quota of 1; the largest is aws_instance.b with 4.",
            attribute: undefined,
            resource: "aws_instance.b",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a dev instance whose type comes from a variable",
        resources: [ec2OfUnknownType("maybe")],
        undecided: [{ message: "Environment dev's GPU total could not be decided", attribute: undefined }],
      },
    ],
  },
  {
    rule: gpuAllowedFamilies,
    config: { gpu: { allowed_families: ["p4d", "g5"] } },
    valid: [{ name: "g5 and p4d", resources: [ec2("a", "g5.xlarge"), ec2("b", "p4d.24xlarge")] }],
    invalid: [
      {
        name: "a p2 instance",
        resources: [ec2("old", "p2.xlarge")],
        errors: [
          {
            message: "aws_instance.old uses p2.xlarge of family p2, which is not among the allowed families (p4d, g5).",
            attribute: "instance_type",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the instance type from a variable",
        resources: [ec2OfUnknownType("maybe")],
        undecided: [
          {
            message: "The instance family is not decided: instance_type is known only after apply.",
            attribute: undefined,
          },
        ],
      },
    ],
  },
  {
    rule: gpuAutoscalingBound,
    config: { gpu: { forbid_unbounded_autoscaling: true, max_autoscaling_nodes: 10 } },
    valid: [
      { name: "a node group scaling 1 to 10", resources: [nodeGroup({ min_size: 1, max_size: 10, desired_size: 1 })] },
      {
        name: "a fixed-size group is not autoscaled",
        resources: [nodeGroup({ min_size: 20, max_size: 20, desired_size: 20 })],
      },
    ],
    invalid: [
      {
        name: "a node group that may grow to 50",
        resources: [nodeGroup({ min_size: 1, max_size: 50, desired_size: 1 })],
        errors: [
          {
            message:
              "GPU pool aws_eks_node_group.gpu may grow to 50 nodes or replicas, over the autoscaling limit of 10.",
            attribute: "scaling_config.0.max_size",
          },
        ],
      },
      {
        name: "a GKE node pool autoscaling with no maximum",
        resources: [
          {
            address: "google_container_node_pool.gpu",
            values: {
              cluster: "ml",
              autoscaling: [{ min_node_count: 1 }],
              node_config: [{ machine_type: "g2-standard-4" }],
            },
          },
        ],
        errors: [
          {
            message:
              "GPU pool google_container_node_pool.gpu autoscales with no upper bound (autoscaling.0.max_node_count is not set).",
            attribute: "autoscaling.0.max_node_count",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the node group's instance types come from a variable",
        resources: [
          {
            address: "aws_eks_node_group.gpu",
            values: { cluster_name: "ml", scaling_config: [{ min_size: 1, max_size: 50, desired_size: 1 }] },
            unknown: { instance_types: true },
            refs: { instance_types: ["var.types"] },
          },
        ],
        undecided: [],
        silentBecause:
          "with no shape known the pool carries no GPUs yet: PG-GPU-002 and the quotas report the shape as undecided",
      },
    ],
  },
  {
    rule: gpuOnDemandWhereSpotRequired,
    config: { gpu: { require_spot: true } },
    valid: [
      {
        name: "a spot instance",
        resources: [ec2("a", "g5.xlarge", {}, { instance_market_options: [{ market_type: "spot" }] })],
      },
      {
        name: "spot required only in prod, and this is dev",
        config: { gpu: { environment: "dev", environments: { prod: { require_spot: true } } } },
        resources: [ec2("a", "g5.xlarge")],
      },
    ],
    invalid: [
      {
        name: "an on-demand GPU instance",
        resources: [ec2("a", "g5.xlarge")],
        errors: [
          {
            message:
              'aws_instance.a buys on-demand GPU capacity, where spot is required: no instance_market_options with market_type = "spot".',
            attribute: "instance_market_options",
          },
        ],
      },
      {
        name: "a node group left at ON_DEMAND in an environment that requires spot",
        config: { gpu: { environment: "dev", environments: { dev: { require_spot: true } } } },
        resources: [nodeGroup({ min_size: 1, max_size: 2, desired_size: 1 })],
        errors: [
          {
            message:
              "aws_eks_node_group.gpu buys on-demand GPU capacity in environment dev, where spot is required: capacity_type defaults to ON_DEMAND.",
            attribute: "capacity_type",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the market type from a variable",
        resources: [
          {
            address: "aws_instance.a",
            values: { ami: "ami-1", instance_type: "g5.xlarge", instance_market_options: [{}] },
            unknown: { instance_market_options: [{ market_type: true }] },
          },
        ],
        undecided: [
          {
            message: "Whether aws_instance.a uses spot capacity is known only after apply.",
            attribute: "instance_market_options",
          },
        ],
      },
    ],
  },
  {
    rule: gpuPublicIp,
    valid: [
      {
        name: "a GCE GPU VM without access_config",
        resources: [
          {
            address: "google_compute_instance.gpu",
            values: { machine_type: "g2-standard-4", network_interface: [{ network: "default" }] },
          },
        ],
      },
      {
        name: "a GCE CPU VM with an external IP",
        resources: [
          {
            address: "google_compute_instance.web",
            values: { machine_type: "e2-small", network_interface: [{ network: "default", access_config: [{}] }] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a GCE GPU VM with an access_config",
        resources: [
          {
            address: "google_compute_instance.gpu",
            values: {
              machine_type: "g2-standard-4",
              network_interface: [{ network: "default", access_config: [{ nat_ip: null }] }],
            },
          },
        ],
        errors: [
          {
            message:
              "GPU nodes of google_compute_instance.gpu get public IP addresses: an access_config gives it an external IP.",
            attribute: "network_interface.0.access_config",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a GKE cluster with a GPU pool whose private cluster settings come from a variable",
        resources: [
          {
            address: "google_container_cluster.ml",
            values: {
              name: "ml",
              node_config: [{ machine_type: "g2-standard-4", guest_accelerator: [{ type: "nvidia-l4", count: 1 }] }],
              initial_node_count: 1,
            },
            unknown: { private_cluster_config: true },
            refs: { private_cluster_config: ["var.private"] },
          },
        ],
        undecided: [
          {
            message: "Whether the GPU nodes of google_container_cluster.ml get public IPs is known only after apply.",
            attribute: "private_cluster_config",
          },
        ],
      },
    ],
  },
  {
    rule: gpuDeprecatedModels,
    config: { gpu: { forbid_deprecated_models: true } },
    valid: [
      { name: "an A10G", resources: [ec2("a", "g5.xlarge")] },
      { name: "a K80 while the setting is off", config: {}, resources: [ec2("old", "p2.xlarge")] },
    ],
    invalid: [
      {
        name: "a K80 (the default list)",
        resources: [ec2("old", "p2.xlarge")],
        errors: [
          {
            message: "aws_instance.old uses NVIDIA K80 (p2.xlarge), a deprecated or previous-generation accelerator.",
            attribute: "instance_type",
          },
        ],
      },
      {
        name: "an A10G named in gpu.deprecated_models",
        config: { gpu: { forbid_deprecated_models: true, deprecated_models: ["A10G"] } },
        resources: [ec2("a", "g5.xlarge")],
        errors: [{ message: "aws_instance.a uses NVIDIA A10G (g5.xlarge)", attribute: "instance_type" }],
      },
    ],
    undecided: [
      {
        name: "the instance type from a variable",
        resources: [ec2OfUnknownType("maybe")],
        undecided: [],
        silentBecause:
          "a shape known only after apply has no model to judge; PG-GPU-002 and the quotas report it as undecided",
      },
    ],
  },
  {
    rule: gpuWorkloadLimits,
    valid: [
      { name: "a limit and no request", resources: [pod({ limits: { "nvidia.com/gpu": "1" } })] },
      {
        name: "request equal to limit",
        resources: [pod({ limits: { "nvidia.com/gpu": "2" }, requests: { "nvidia.com/gpu": "2" } })],
      },
    ],
    invalid: [
      {
        name: "a request without a limit",
        resources: [pod({ requests: { "nvidia.com/gpu": "1" } })],
        errors: [
          {
            message:
              "Container trainer of kubernetes_pod.train requests 1 nvidia.com/gpu without a limit; Kubernetes requires accelerators in limits.",
            attribute: "spec.0.container.0.resources.0",
          },
        ],
      },
      {
        name: "a request that differs from the limit",
        resources: [pod({ limits: { "nvidia.com/gpu": "1" }, requests: { "nvidia.com/gpu": "2" } })],
        errors: [
          {
            message: "requests 2 nvidia.com/gpu but limits it to 1; the two must be equal.",
            attribute: "spec.0.container.0.resources.0",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the pod spec from a variable",
        resources: [
          {
            address: "kubernetes_pod.train",
            values: { metadata: [{ name: "train" }] },
            unknown: { spec: true },
            refs: { spec: ["var.spec"] },
          },
        ],
        undecided: [{ message: "The pod spec is known only after apply.", attribute: "spec.0" }],
      },
    ],
  },
  {
    rule: gpuNodeWorkloadWithoutGpuLimit,
    valid: [
      {
        name: "tolerates the GPU taint and asks for a GPU",
        resources: [
          pod({ limits: { "nvidia.com/gpu": "1" } }, { toleration: [{ key: "nvidia.com/gpu", operator: "Exists" }] }),
        ],
      },
      { name: "a CPU pod", resources: [pod({ limits: { cpu: "2" } })] },
    ],
    invalid: [
      {
        name: "tolerates the GPU taint without a GPU limit",
        resources: [pod({ limits: { cpu: "2" } }, { toleration: [{ key: "nvidia.com/gpu", operator: "Exists" }] })],
        errors: [
          {
            message:
              "kubernetes_pod.train tolerates the nvidia.com/gpu taint but no container has an accelerator limit.",
            attribute: "spec.0.toleration",
          },
        ],
      },
      {
        name: "selects GKE accelerator nodes without a GPU limit",
        resources: [
          pod({ limits: { cpu: "2" } }, { node_selector: { "cloud.google.com/gke-accelerator": "nvidia-l4" } }),
        ],
        errors: [
          {
            message:
              "kubernetes_pod.train selects GPU nodes (cloud.google.com/gke-accelerator) but no container has an accelerator limit.",
            attribute: "spec.0.node_selector",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the pod spec from a variable",
        resources: [
          {
            address: "kubernetes_pod.train",
            values: { metadata: [{ name: "train" }] },
            unknown: { spec: true },
            refs: { spec: ["var.spec"] },
          },
        ],
        undecided: [],
        silentBecause:
          "an unknown pod spec is PG-GPU-012's undecided finding; this rule waits for the tolerations and selectors",
      },
    ],
  },
];
