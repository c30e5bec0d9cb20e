import { describe, expect, it } from "vitest";
import { purchaseOf } from "../../src/gpu/capacity.js";
import { awsInstanceAccelerators, azureVmAccelerators, familyOf, tpuApiAccelerators } from "../../src/gpu/catalog.js";
import { resourceGpuDemand, totalGpus } from "../../src/gpu/demand.js";
import { summarizeGpus } from "../../src/gpu/summary.js";
import { gpuTotalQuota } from "../../src/rules/gpu/any/total-quota.js";
import { outcomesOf } from "../../src/policy/rule.js";
import { modelOf, type Change } from "./plan.js";

const gpusOf = (changes: Change[], address: string) => {
  const model = modelOf(changes);
  return resourceGpuDemand(model, model.byAddress(address)!)!;
};

const template = (name: string, instanceType: string | null, extra: Record<string, unknown> = {}): Change => ({
  address: `aws_launch_template.${name}`,
  after: { name, instance_type: instanceType, network_interfaces: [], tags: {}, ...extra },
  unknown: { id: true, ...(instanceType === null ? { instance_type: true } : {}) },
});

describe("AWS autoscaling groups count their launch template × max_size", () => {
  it("follows launch_template.id through the configuration when the id is known only after apply", () => {
    const d = gpusOf(
      [
        template("gpu", "p4d.24xlarge"),
        {
          address: "aws_autoscaling_group.gpu",
          after: {
            max_size: 3,
            min_size: 0,
            launch_template: [{ name: null, version: "$Latest" }],
            mixed_instances_policy: [],
            tag: [],
          },
          unknown: { launch_template: [{ id: true }] },
          refs: { "launch_template.id": ["aws_launch_template.gpu.id", "aws_launch_template.gpu"] },
        },
      ],
      "aws_autoscaling_group.gpu",
    );
    expect(totalGpus(d)).toBe(24);
    expect(d.groups[0]).toMatchObject({
      perNode: 8,
      nodes: 3,
      shortModel: "A100",
      family: "p4d",
      attribute: "launch_template",
    });
  });

  it("matches a known template id, and takes the largest override of a mixed instances policy, by weight", () => {
    const changes: Change[] = [
      {
        address: "aws_launch_template.known",
        before: { id: "lt-0123", name: "known", instance_type: "g5.xlarge" },
        after: { id: "lt-0123", name: "known", instance_type: "g5.xlarge" },
      },
      {
        address: "aws_autoscaling_group.a",
        after: { max_size: 4, launch_template: [{ id: "lt-0123", version: "$Latest" }], mixed_instances_policy: [] },
      },
      {
        address: "aws_autoscaling_group.mixed",
        after: {
          max_size: 8,
          launch_template: [],
          mixed_instances_policy: [
            {
              instances_distribution: [{ on_demand_base_capacity: 0, on_demand_percentage_above_base_capacity: 0 }],
              launch_template: [
                {
                  launch_template_specification: [{ launch_template_id: "lt-0123" }],
                  override: [
                    { instance_type: "g5.12xlarge", weighted_capacity: "2" },
                    { instance_type: "g5.xlarge", weighted_capacity: "1" },
                  ],
                },
              ],
            },
          ],
        },
      },
    ];
    expect(totalGpus(gpusOf(changes, "aws_autoscaling_group.a"))).toBe(4);
    // max_size 8 capacity units: 4 × g5.12xlarge (weight "2", 4 GPUs each) = 16 GPUs beats 8 × g5.xlarge = 8.
    const mixed = gpusOf(changes, "aws_autoscaling_group.mixed");
    expect(totalGpus(mixed)).toBe(16);
    expect(mixed.groups[0]).toMatchObject({ shape: "g5.12xlarge", nodes: 4 });
    const model = modelOf(changes);
    expect(purchaseOf(model, model.byAddress("aws_autoscaling_group.mixed")!)).toEqual({ kind: "spot" });
    expect(purchaseOf(model, model.byAddress("aws_autoscaling_group.a")!).kind).toBe("on-demand");
  });

  it("does not count a launch template on its own, and is undecided when the template's type is unknown", () => {
    const model = modelOf([template("alone", "p4d.24xlarge")]);
    expect(resourceGpuDemand(model, model.byAddress("aws_launch_template.alone")!)).toBeUndefined();
    const d = gpusOf(
      [
        template("later", null),
        {
          address: "aws_autoscaling_group.g",
          after: { max_size: 2, launch_template: [{}] },
          unknown: { launch_template: [{ id: true }] },
          refs: { "launch_template.id": ["aws_launch_template.later.id"] },
        },
      ],
      "aws_autoscaling_group.g",
    );
    expect(d.undecided).toMatch(/instance_type/);
    expect(d.groups).toEqual([]);
  });
});

describe("GCP", () => {
  const gceTemplate: Change = {
    address: "google_compute_instance_template.t",
    after: {
      name_prefix: "t-",
      machine_type: "a2-highgpu-2g",
      guest_accelerator: [],
      labels: { team: "vision" },
      scheduling: [{ preemptible: false, provisioning_model: "STANDARD" }],
      network_interface: [],
    },
    unknown: { name: true, self_link: true },
  };
  const mig: Change = {
    address: "google_compute_instance_group_manager.m",
    after: { name: "m", zone: "us-central1-a", target_size: 2, version: [{ name: "primary" }] },
    unknown: { self_link: true, version: [{ instance_template: true }] },
    refs: { "version.instance_template": ["google_compute_instance_template.t.self_link"] },
  };
  it("counts a managed instance group as its template's machine type × target_size, or × the autoscaler's max", () => {
    expect(totalGpus(gpusOf([gceTemplate, mig], "google_compute_instance_group_manager.m"))).toBe(4);
    const autoscaler: Change = {
      address: "google_compute_autoscaler.a",
      after: { name: "a", autoscaling_policy: [{ min_replicas: 1, max_replicas: 10 }] },
      unknown: { target: true },
      refs: { target: ["google_compute_instance_group_manager.m.id"] },
    };
    const d = gpusOf([gceTemplate, mig, autoscaler], "google_compute_instance_group_manager.m");
    expect(totalGpus(d)).toBe(20);
    expect(d.groups[0]!.attribute).toBe("version.0.instance_template");
  });

  const pool = (extra: Record<string, unknown>): Change => ({
    address: "google_container_node_pool.p",
    after: {
      name: "p",
      cluster: "c",
      node_config: [
        { machine_type: "a3-highgpu-8g", guest_accelerator: [{ type: "nvidia-h100-80gb", count: 8 }], spot: true },
      ],
      autoscaling: [],
      ...extra,
    },
  });
  it("multiplies a GKE pool's per-zone node count by its zones and does not add the implicit accelerators twice", () => {
    expect(
      totalGpus(
        gpusOf(
          [pool({ location: "us-central1", node_locations: ["us-central1-a", "us-central1-b"], node_count: 2 })],
          "google_container_node_pool.p",
        ),
      ),
    ).toBe(32);
    expect(
      totalGpus(
        gpusOf(
          [pool({ location: "us-central1-a", node_locations: [], node_count: 2 })],
          "google_container_node_pool.p",
        ),
      ),
    ).toBe(16);
    const auto = pool({
      location: "us-central1",
      node_locations: ["us-central1-a", "us-central1-b"],
      node_count: 1,
      autoscaling: [{ max_node_count: 3 }],
    });
    expect(totalGpus(gpusOf([auto], "google_container_node_pool.p"))).toBe(48);
    const total = pool({
      location: "us-central1",
      node_locations: ["us-central1-a", "us-central1-b"],
      autoscaling: [{ max_node_count: 0, total_max_node_count: 5 }],
    });
    expect(totalGpus(gpusOf([total], "google_container_node_pool.p"))).toBe(40);
  });

  it("assumes GKE's three zones for a regional pool without node_locations, and says so", () => {
    const d = gpusOf(
      [pool({ location: "europe-west4", node_locations: [], node_count: 1 })],
      "google_container_node_pool.p",
    );
    expect(totalGpus(d)).toBe(24);
    expect(d.groups[0]!.assumption).toMatch(/3 zones/);
  });

  it("counts Vertex AI deployment resource pools as accelerator_count × max_replica_count", () => {
    const d = gpusOf(
      [
        {
          address: "google_vertex_ai_deployment_resource_pool.p",
          after: {
            name: "p",
            dedicated_resources: [
              {
                machine_spec: [
                  { machine_type: "a2-highgpu-2g", accelerator_type: "NVIDIA_TESLA_A100", accelerator_count: 2 },
                ],
                min_replica_count: 1,
                max_replica_count: 3,
              },
            ],
          },
        },
      ],
      "google_vertex_ai_deployment_resource_pool.p",
    );
    expect(totalGpus(d)).toBe(6);
    expect(d.groups[0]).toMatchObject({ shortModel: "A100", kind: "nvidia-gpu", family: "a2" });
  });

  it("counts TPU v5e/v6e chips and leaves generations the catalog does not verify undecided", () => {
    expect(tpuApiAccelerators("v6e-256")).toMatchObject({ count: 256, kind: "tpu" });
    expect(
      totalGpus(
        gpusOf(
          [{ address: "google_tpu_v2_vm.t", after: { name: "t", accelerator_type: "v6e-8" } }],
          "google_tpu_v2_vm.t",
        ),
      ),
    ).toBe(8);
    expect(
      gpusOf([{ address: "google_tpu_v2_vm.t", after: { name: "t", accelerator_type: "v4-8" } }], "google_tpu_v2_vm.t")
        .undecided,
    ).toMatch(/catalog/);
  });
});

describe("Azure and fractions", () => {
  it("counts a scale set as sku × instances, or × an autoscale setting's maximum", () => {
    const vmss: Change = {
      address: "azurerm_linux_virtual_machine_scale_set.s",
      after: { sku: "Standard_NC24ads_A100_v4", instances: 2 },
      unknown: { id: true },
    };
    expect(totalGpus(gpusOf([vmss], "azurerm_linux_virtual_machine_scale_set.s"))).toBe(2);
    const setting: Change = {
      address: "azurerm_monitor_autoscale_setting.a",
      after: { name: "a", profile: [{ name: "day", capacity: [{ minimum: 0, default: 1, maximum: 6 }] }] },
      unknown: { target_resource_id: true },
      refs: { target_resource_id: ["azurerm_linux_virtual_machine_scale_set.s.id"] },
    };
    expect(totalGpus(gpusOf([vmss, setting], "azurerm_linux_virtual_machine_scale_set.s"))).toBe(6);
  });

  it("counts fractional shapes as their fraction, and Neuron chips as their own kind", () => {
    expect(azureVmAccelerators("Standard_NV6ads_A10_v5")).toMatchObject({ fractional: true, kind: "nvidia-gpu" });
    expect(azureVmAccelerators("Standard_NV6ads_A10_v5")!.count).toBeCloseTo(1 / 6, 3);
    expect(awsInstanceAccelerators("g6f.large")).toMatchObject({ count: 0.125, fractional: true });
    expect(awsInstanceAccelerators("trn1.32xlarge")).toMatchObject({ count: 16, kind: "neuron" });
    expect(awsInstanceAccelerators("g4ad.xlarge")).toMatchObject({ kind: "amd-gpu" });
    expect(familyOf("Standard_NC24ads_A100_v4")).toBe("NCads_A100_v4");
    expect(familyOf("ml.p4d.24xlarge")).toBe("p4d");
    expect(familyOf("zones/us-central1-a/machineTypes/a2-highgpu-1g")).toBe("a2");
  });
});

describe("Kubernetes workloads", () => {
  const deployment = (
    extra: Record<string, unknown> = {},
    limits: Record<string, string> = { "nvidia.com/gpu": "2" },
  ): Change => ({
    address: "kubernetes_deployment_v1.d",
    after: {
      metadata: [{ name: "d", namespace: "ml", labels: { team: "serving" } }],
      spec: [
        {
          replicas: "3",
          template: [
            {
              metadata: [{ labels: {} }],
              spec: [
                {
                  container: [{ name: "c", resources: [{ limits, requests: {} }] }],
                  init_container: [],
                  node_selector: { "cloud.google.com/gke-accelerator": "nvidia-l4" },
                },
              ],
            },
          ],
          ...extra,
        },
      ],
    },
  });
  it("sums container limits × replicas, names the model from the node selector, and keeps workloads apart", () => {
    const d = gpusOf([deployment()], "kubernetes_deployment_v1.d");
    expect(totalGpus(d)).toBe(6);
    expect(d.groups[0]).toMatchObject({ workload: true, shortModel: "L4", kind: "nvidia-gpu" });
    const s = summarizeGpus([modelOf([deployment()])]);
    expect(s.after.total).toBe(0);
    expect(s.after.workloads).toEqual({ total: 6, byKind: { "nvidia-gpu": 6 }, byTeam: { serving: 6 } });
  });

  it("takes a HorizontalPodAutoscaler's max_replicas and counts MIG slices as sevenths", () => {
    const hpa: Change = {
      address: "kubernetes_horizontal_pod_autoscaler_v2.h",
      after: {
        metadata: [{ name: "h", namespace: "ml" }],
        spec: [
          {
            max_replicas: 10,
            min_replicas: 1,
            scale_target_ref: [{ kind: "Deployment", name: "d", api_version: "apps/v1" }],
          },
        ],
      },
    };
    expect(totalGpus(gpusOf([deployment(), hpa], "kubernetes_deployment_v1.d"))).toBe(20);
    expect(
      totalGpus(gpusOf([deployment({}, { "nvidia.com/mig-1g.10gb": "7" })], "kubernetes_deployment_v1.d")),
    ).toBeCloseTo(3, 5);
  });
});

describe("quotas by kind and unknowns", () => {
  const plan: Change[] = [
    { address: "aws_instance.trainium", after: { instance_type: "trn1.32xlarge", tags: {} } },
    { address: "aws_instance.gpu", after: { instance_type: "p4d.24xlarge", tags: {} } },
  ];
  it("counts only the kinds in gpu.count_kinds", () => {
    const model = modelOf(plan);
    const fires = (config: object) =>
      outcomesOf(gpuTotalQuota.check({ model, config: { gpu: config } })).filter((o) => o.kind === "fail");
    expect(fires({ max_total: 20 })).toHaveLength(1);
    expect(fires({ max_total: 20, count_kinds: ["nvidia-gpu"] })).toHaveLength(0);
    expect(fires({ max_total: 10, count_kinds: ["neuron"] })).toHaveLength(1);
  });

  it("says unknown, not fail, when a shape is known only after apply", () => {
    const model = modelOf([
      { address: "aws_instance.x", after: { instance_type: null }, unknown: { instance_type: true } },
    ]);
    const outcomes = outcomesOf(gpuTotalQuota.check({ model, config: { gpu: { max_total: 0 } } }));
    expect(outcomes.map((o) => o.kind)).toEqual(["unknown"]);
  });
});
