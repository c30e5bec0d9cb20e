import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG, TABLES, tablesText } from "../../scripts/generate-gpu-catalog.mjs";
import {
  awsInstanceAccelerators,
  azureVmAccelerators,
  gcpAcceleratorModel,
  gcpMachineAccelerators,
  tpuApiAccelerators,
} from "../../src/gpu/catalog.js";
import { buildCatalogTables, type Catalog } from "../../src/gpu/catalog-tables.js";
import { repoRoot } from "../helpers/shared.js";

const catalog = JSON.parse(readFileSync(path.join(repoRoot, CATALOG), "utf8")) as Catalog;
const tables = buildCatalogTables(catalog);

describe("the GPU catalog's look-up tables", () => {
  it(`${TABLES} is what the build step makes of ${CATALOG} (regenerate with npm run gen:gpu-catalog)`, () => {
    expect(readFileSync(path.join(repoRoot, TABLES), "utf8")).toBe(tablesText(tables));
  });

  it("hold only shapes with accelerators, each already its spec", () => {
    // The catalog lists AWS's fractional g6f shapes as 0 GPUs with a derived fraction.
    expect(catalog.aws_ec2["g6f.large"]?.gpus).toBe(0);
    expect(tables.aws_ec2["g6f.large"]).toEqual({
      count: 0.125,
      model: "NVIDIA L4 (fractional)",
      shortModel: "L4",
      kind: "nvidia-gpu",
      fractional: true,
    });
    expect(tables.aws_ec2["p4d.24xlarge"]).toEqual({
      count: 8,
      model: expect.stringContaining("A100"),
      shortModel: "A100",
      kind: "nvidia-gpu",
    });
    expect(tables.aws_ec2["inf2.xlarge"]?.kind).toBe("neuron");
    const entries = Object.values(tables).flatMap((t: Record<string, object>) => Object.values(t));
    expect(entries.every((e) => !("sources" in e) && !("notes" in e))).toBe(true);
  });

  it("key Azure sizes in lower case and keep GKE TPU machine types beside the GPU ones", () => {
    expect(Object.keys(tables.azure_vm_sizes).every((k) => k === k.toLowerCase())).toBe(true);
    expect(tables.azure_vm_sizes["standard_nc24ads_a100_v4"]?.shortModel).toBe("A100");
    expect(tables.gcp_machine_types["ct6e-standard-4t"]).toEqual({
      count: 4,
      model: "Google Cloud TPU v6e (Trillium)",
      shortModel: "TPU v6e",
      kind: "tpu",
    });
    expect(tables.gcp_machine_types["a2-highgpu-1g"]?.count).toBe(1);
    expect(tables.tpu_api_types["v6e-8"]).toEqual({
      count: 8,
      model: "Google Cloud TPU v6e",
      shortModel: "TPU v6e",
      kind: "tpu",
    });
    expect(tables.gcp_accelerator_models["nvidia-tesla-t4"]).toEqual({
      model: "NVIDIA T4",
      shortModel: "T4",
      kind: "nvidia-gpu",
    });
  });

  it("are what the run-time look-ups answer from, shared and frozen", () => {
    const spec = awsInstanceAccelerators("ml.p4d.24xlarge");
    expect(spec?.count).toBe(8);
    expect(Object.isFrozen(spec)).toBe(true);
    expect(azureVmAccelerators("Standard_NC24ads_A100_v4")).toBe(azureVmAccelerators("standard_nc24ads_a100_v4"));
    expect(gcpMachineAccelerators("zones/us-central1-a/machineTypes/ct6e-standard-4t")?.kind).toBe("tpu");
    expect(gcpAcceleratorModel("projects/p/zones/z/acceleratorTypes/nvidia-tesla-t4")?.shortModel).toBe("T4");
    // Keys from a plan find nothing that is not a shape.
    expect(awsInstanceAccelerators("constructor")).toBeUndefined();
    expect(tpuApiAccelerators("__proto__")).toBeUndefined();
  });
});
