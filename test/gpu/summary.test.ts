import { describe, expect, it } from "vitest";
import { summarizeGpus } from "../../src/gpu/summary.js";
import { modelOf } from "./plan.js";

describe("the GPU summary before and after apply", () => {
  it("shows a GPU node pool added and a GPU instance removed, by model, team and kind", () => {
    const model = modelOf([
      // Removed: one p4d.24xlarge (8 × A100) of team research.
      {
        address: "aws_instance.old_trainer",
        before: { id: "i-0123", instance_type: "p4d.24xlarge", tags: { team: "research" } },
        after: null,
      },
      // Kept: an inf2.xlarge (1 Inferentia2 chip) of team serving.
      {
        address: "aws_instance.inference",
        before: { id: "i-0456", instance_type: "inf2.xlarge", tags: { team: "serving" } },
        after: { id: "i-0456", instance_type: "inf2.xlarge", tags: { team: "serving" } },
      },
      // Added: a GKE pool of g2-standard-24 (2 × L4) autoscaling to 3 nodes per zone over 2 zones = 12 L4.
      {
        address: "google_container_node_pool.l4",
        after: {
          name: "l4",
          cluster: "ml",
          location: "us-central1",
          node_locations: ["us-central1-a", "us-central1-b"],
          node_count: 1,
          autoscaling: [{ min_node_count: 0, max_node_count: 3 }],
          node_config: [
            {
              machine_type: "g2-standard-24",
              guest_accelerator: [{ type: "nvidia-l4", count: 2 }],
              resource_labels: { team: "vision" },
              spot: true,
            },
          ],
        },
        unknown: { id: true },
      },
    ]);
    const s = summarizeGpus([model]);
    expect(s.before).toMatchObject({
      total: 9,
      byModel: { A100: 8, Inferentia2: 1 },
      byTeam: { research: 8, serving: 1 },
      byEnvironment: { "(no environment tag)": 9 },
      byKind: { "nvidia-gpu": 8, neuron: 1 },
    });
    expect(s.after).toMatchObject({
      total: 13,
      byModel: { L4: 12, Inferentia2: 1 },
      byTeam: { vision: 12, serving: 1 },
      byKind: { "nvidia-gpu": 12, neuron: 1 },
    });
    expect(s.undecided).toEqual([]);
  });

  it("counts GPUs by the environment tag, else the config's environment", () => {
    const model = modelOf([
      { address: "aws_instance.prod", after: { instance_type: "p4d.24xlarge", tags: { environment: "prod" } } },
      { address: "aws_instance.dev", after: { instance_type: "g5.xlarge", tags: { stage: "dev" } } },
    ]);
    expect(summarizeGpus([model]).after.byEnvironment).toEqual({ prod: 8, "(no environment tag)": 1 });
    expect(summarizeGpus([model], { environment: "staging", environment_tag: "stage" }).after.byEnvironment).toEqual({
      staging: 8,
      dev: 1,
    });
  });

  it("counts GPUs by the configured team tag, and a team tag that is not text as no team", () => {
    const model = modelOf([
      {
        address: "aws_instance.a",
        after: { instance_type: "p4d.24xlarge", tags: { owner: "research", team: "ignored" } },
      },
      // A hostile plan: a tag value that is an object whose "toString" is not a function.
      {
        address: "aws_instance.b",
        after: {
          instance_type: "g5.xlarge",
          tags: JSON.parse('{"owner": {"toString": {}}, "team": {"toString": {}}}'),
        },
      },
    ]);
    expect(summarizeGpus([model], { team_tag: "owner" }).after.byTeam).toEqual({ research: 8, "(no team tag)": 1 });
    expect(summarizeGpus([model]).after.byTeam).toEqual({ ignored: 8, "(no team tag)": 1 });
  });

  it("lists resources whose count is known only after apply", () => {
    const model = modelOf([
      {
        address: "aws_eks_node_group.g",
        after: { instance_types: ["g5.xlarge"], scaling_config: [{ max_size: null }] },
        unknown: { scaling_config: [{ max_size: true }] },
      },
    ]);
    const s = summarizeGpus([model]);
    expect(s.undecided).toEqual(["aws_eks_node_group.g"]);
    expect(s.after.total).toBe(0);
  });
});
