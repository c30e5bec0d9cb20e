import { describe, expect, it } from "vitest";
import { GPU_RESOURCE_TYPES, gpuDemandOf, KUBERNETES_WORKLOAD_TYPES, podSpecPath } from "../../src/gpu/demand.js";
import { AWS_EXTRACTORS } from "../../src/gpu/demand/aws.js";
import { AZURE_EXTRACTORS } from "../../src/gpu/demand/azure.js";
import { GCP_EXTRACTORS } from "../../src/gpu/demand/gcp.js";
import { KARPENTER_EXTRACTORS } from "../../src/gpu/demand/karpenter.js";
import { KUBERNETES_EXTRACTORS } from "../../src/gpu/demand/kubernetes.js";

/** demand.ts dispatches to one table of extractors per cloud (src/gpu/demand/). */
describe("the GPU demand dispatch", () => {
  const tables = { AWS_EXTRACTORS, GCP_EXTRACTORS, AZURE_EXTRACTORS, KUBERNETES_EXTRACTORS, KARPENTER_EXTRACTORS };

  it("holds every cloud's resource types, each from exactly one table", () => {
    const owners = new Map<string, string[]>();
    for (const [table, extractors] of Object.entries(tables)) {
      for (const type of Object.keys(extractors)) owners.set(type, [...(owners.get(type) ?? []), table]);
    }
    // A type in two tables would be read by whichever the dispatch spreads last.
    expect([...owners].filter(([, in_]) => in_.length > 1)).toEqual([]);
    expect([...GPU_RESOURCE_TYPES].sort()).toEqual([...owners.keys()].sort());
    expect(GPU_RESOURCE_TYPES.filter((t) => t.startsWith("aws_"))).toEqual(Object.keys(AWS_EXTRACTORS));
  });

  it("keeps Kubernetes workloads (a pod spec each) apart from Karpenter's manifests", () => {
    expect(KUBERNETES_WORKLOAD_TYPES).toEqual(Object.keys(KUBERNETES_EXTRACTORS));
    expect(KUBERNETES_WORKLOAD_TYPES).not.toContain("kubernetes_manifest");
    expect(KUBERNETES_WORKLOAD_TYPES.every((t) => podSpecPath(t) !== undefined)).toBe(true);
    expect(podSpecPath("kubernetes_cron_job_v1")).toBe("spec.0.job_template.0.spec.0.template.0.spec.0");
    expect(podSpecPath("kubernetes_manifest")).toBeUndefined();
  });

  it("answers for the types it knows, and nothing for others (Object's own names included)", () => {
    expect(gpuDemandOf("azurerm_linux_virtual_machine", { size: "Standard_NC24ads_A100_v4" })?.groups[0]).toMatchObject(
      { gpus: 1, shortModel: "A100" },
    );
    for (const type of ["aws_s3_bucket", "constructor", "__proto__", "toString"])
      expect(gpuDemandOf(type, {})).toBeUndefined();
    expect(podSpecPath("constructor")).toBeUndefined();
  });
});
