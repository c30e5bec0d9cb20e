import { describe, expect, it } from "vitest";
import { purchaseOf, scalingOf } from "../../src/gpu/capacity.js";
import { labelsOf, resourceGpuDemand, totalGpus } from "../../src/gpu/demand.js";
import { modelOf, type Change } from "./plan.js";

/**
 * Demand, labels and capacity follow the same links (templates, clusters,
 * autoscalers) with one reading each: a link that counts a resource's GPUs
 * also gives its labels and its purchase and scaling answers.
 */

const deployment = (name: string): Change => ({
  address: `kubernetes_deployment_v1.${name}`,
  after: {
    metadata: [{ name, namespace: "ml", labels: { team: "serving" } }],
    spec: [
      {
        replicas: 2,
        template: [
          {
            metadata: [{}],
            spec: [{ container: [{ name: "c", resources: [{ limits: { "nvidia.com/gpu": "1" } }] }] }],
          },
        ],
      },
    ],
  },
});

const hpa = (kind: string, name: string, namespace = "ml"): Change => ({
  address: `kubernetes_horizontal_pod_autoscaler_v2.${kind.toLowerCase()}_${name}`,
  after: {
    metadata: [{ name: "h", namespace }],
    spec: [{ max_replicas: 6, min_replicas: 1, scale_target_ref: [{ kind, name, api_version: "apps/v1" }] }],
  },
});

describe("a HorizontalPodAutoscaler targets a workload by kind, name and namespace", () => {
  const answers = (changes: Change[]) => {
    const model = modelOf(changes);
    const r = model.byAddress("kubernetes_deployment_v1.serve")!;
    return { gpus: totalGpus(resourceGpuDemand(model, r)), autoscaled: scalingOf(model, r)?.autoscaled };
  };

  it("counts its max_replicas and calls the workload autoscaled when all three match", () => {
    expect(answers([deployment("serve"), hpa("Deployment", "serve")])).toEqual({ gpus: 6, autoscaled: true });
  });

  it("leaves the workload alone when the HPA targets a StatefulSet, or another namespace, of the same name", () => {
    expect(answers([deployment("serve"), hpa("StatefulSet", "serve")])).toEqual({ gpus: 2, autoscaled: false });
    expect(answers([deployment("serve"), hpa("Deployment", "serve", "other")])).toEqual({ gpus: 2, autoscaled: false });
  });
});

describe("a managed instance group's instance template, named by a self link", () => {
  const changes: Change[] = [
    {
      address: "google_compute_instance_template.t",
      before: null,
      after: {
        name: "gpu-template",
        id: "projects/p/global/instanceTemplates/gpu-template",
        self_link: "https://www.googleapis.com/compute/v1/projects/p/global/instanceTemplates/gpu-template",
        machine_type: "a2-highgpu-1g",
        labels: { team: "vision" },
        scheduling: [{ preemptible: false, provisioning_model: "SPOT" }],
      },
    },
    {
      address: "google_compute_instance_group_manager.m",
      after: {
        name: "m",
        target_size: 3,
        all_instances_config: [],
        version: [
          {
            instance_template:
              "https://www.googleapis.com/compute/v1/projects/p/global/instanceTemplates/gpu-template?uniqueId=123",
          },
        ],
      },
    },
  ];

  it("is found by its name for the GPUs, the labels and the purchase alike", () => {
    const model = modelOf(changes);
    const mig = model.byAddress("google_compute_instance_group_manager.m")!;
    expect(totalGpus(resourceGpuDemand(model, mig))).toBe(3);
    expect(labelsOf(model, mig).labels["team"]).toBe("vision");
    expect(purchaseOf(model, mig)).toEqual({ kind: "spot" });
  });
});

describe("an autoscaling group's launch template, named in a mixed instances policy", () => {
  it("lends its tags to the group when named by launch_template_name", () => {
    const model = modelOf([
      {
        address: "aws_launch_template.lt",
        before: { name: "gpu-lt", id: "lt-1", instance_type: "g5.xlarge", tags: { team: "nlp" } },
        after: { name: "gpu-lt", id: "lt-1", instance_type: "g5.xlarge", tags: { team: "nlp" } },
      },
      {
        address: "aws_autoscaling_group.g",
        after: {
          max_size: 2,
          launch_template: [],
          tag: [],
          mixed_instances_policy: [
            {
              launch_template: [{ launch_template_specification: [{ launch_template_name: "gpu-lt" }], override: [] }],
            },
          ],
        },
      },
    ]);
    const asg = model.byAddress("aws_autoscaling_group.g")!;
    expect(totalGpus(resourceGpuDemand(model, asg))).toBe(2);
    expect(labelsOf(model, asg).labels["team"]).toBe("nlp");
  });
});
