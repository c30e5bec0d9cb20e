import { lookupTable } from "../plan/own.js";
import {
  kindOfModel,
  shortModelName,
  tpuSpec,
  type AcceleratorKind,
  type AcceleratorModel,
  type AcceleratorSpec,
} from "./models.js";

/**
 * The build step of the GPU catalog: turns catalog.json (every shape with its
 * sources, memory figures and notes) into the look-up tables a scan reads,
 * in their final shape: only shapes that carry accelerators, each already
 * its AcceleratorSpec, Azure sizes under lower-case keys, GKE TPU machine
 * types beside the GPU ones. `npm run gen:gpu-catalog` writes them to
 * catalog-tables.generated.json; test/gpu/catalog-tables.test.ts fails when
 * that file is not what this would write.
 */

/** The look-up tables, as catalog-tables.generated.json holds them. */
export interface CatalogTables {
  /** EC2 instance types (p4d.24xlarge). */
  aws_ec2: Record<string, AcceleratorSpec>;
  /** SageMaker instance types (ml.p4d.24xlarge). */
  aws_sagemaker: Record<string, AcceleratorSpec>;
  /** GCE machine types with implicit accelerators: A/G series GPUs and GKE TPU machine types. */
  gcp_machine_types: Record<string, AcceleratorSpec>;
  /** GCE accelerator types (nvidia-tesla-t4), per device. */
  gcp_accelerator_models: Record<string, AcceleratorModel>;
  /** TPU API accelerator types (v6e-8) whose chip count the catalog verifies. */
  tpu_api_types: Record<string, AcceleratorSpec>;
  /** Azure VM sizes, lower case (standard_nc24ads_a100_v4). */
  azure_vm_sizes: Record<string, AcceleratorSpec>;
}

interface CatalogEntry {
  gpus?: number;
  gpu_model?: string;
  accelerator_type?: string;
  fractional?: boolean;
  gpu_fraction_derived?: number;
}

interface TpuEntry {
  chips?: number;
  tpu_version?: string;
}

/** The parts of catalog.json the tables are made from. */
export interface Catalog {
  aws_ec2: Record<string, CatalogEntry>;
  aws_sagemaker: Record<string, CatalogEntry>;
  gcp_machine_types: Record<string, CatalogEntry>;
  gcp_accelerator_types: Record<string, CatalogEntry>;
  azure_vm_sizes: Record<string, CatalogEntry>;
  tpus: { gke_machine_types: Record<string, TpuEntry>; tpu_api_accelerator_types: Record<string, TpuEntry> };
}

const KIND_OF_CATALOG_TYPE: Readonly<Record<string, AcceleratorKind>> = lookupTable({
  nvidia_gpu: "nvidia-gpu",
  nvidia_gpu_fractional: "nvidia-gpu",
  amd_gpu: "amd-gpu",
  aws_neuron: "neuron",
  habana_gaudi: "gaudi",
  qualcomm_ai100: "qualcomm-ai100",
});

export function buildCatalogTables(catalog: Catalog): CatalogTables {
  const gcpMachineTypes = specs(catalog.gcp_machine_types);
  for (const [name, tpu] of Object.entries(catalog.tpus.gke_machine_types)) {
    // A GPU entry of the same name wins, as a look-up tried the GPU table first.
    if (tpu.chips && !Object.hasOwn(gcpMachineTypes, name))
      gcpMachineTypes[name] = tpuSpec(tpu.chips, tpu.tpu_version ?? name);
  }
  const tpuApiTypes: Record<string, AcceleratorSpec> = {};
  for (const [name, tpu] of Object.entries(catalog.tpus.tpu_api_accelerator_types)) {
    if (tpu.chips) tpuApiTypes[name] = tpuSpec(tpu.chips, name.split("-")[0] ?? name);
  }
  const acceleratorModels: Record<string, AcceleratorModel> = {};
  for (const [name, entry] of Object.entries(catalog.gcp_accelerator_types)) {
    if (entry.gpu_model)
      acceleratorModels[name] = {
        model: entry.gpu_model,
        shortModel: shortModelName(entry.gpu_model),
        kind: kindOfModel(entry.gpu_model),
      };
  }
  // Azure matches sizes case-insensitively: the keys are lower case, as a look-up's are.
  const azure: Record<string, CatalogEntry> = {};
  for (const [name, entry] of Object.entries(catalog.azure_vm_sizes)) azure[name.toLowerCase()] = entry;
  return {
    aws_ec2: specs(catalog.aws_ec2),
    aws_sagemaker: specs(catalog.aws_sagemaker),
    gcp_machine_types: gcpMachineTypes,
    gcp_accelerator_models: acceleratorModels,
    tpu_api_types: tpuApiTypes,
    azure_vm_sizes: specs(azure),
  };
}

/** The specs of a table's shapes that carry accelerators. */
function specs(table: Record<string, CatalogEntry>): Record<string, AcceleratorSpec> {
  const out: Record<string, AcceleratorSpec> = {};
  for (const [name, entry] of Object.entries(table)) {
    const spec = specOf(entry);
    if (spec) out[name] = spec;
  }
  return out;
}

function specOf(entry: CatalogEntry): AcceleratorSpec | undefined {
  if (entry.gpu_model === undefined) return undefined;
  // AWS reports fractional shapes as 0 GPUs; the catalog derives their fraction.
  const count =
    entry.gpus === 0 && entry.gpu_fraction_derived !== undefined ? entry.gpu_fraction_derived : (entry.gpus ?? 0);
  if (count <= 0) return undefined;
  const kind = (entry.accelerator_type && KIND_OF_CATALOG_TYPE[entry.accelerator_type]) || kindOfModel(entry.gpu_model);
  const spec: AcceleratorSpec = { count, model: entry.gpu_model, shortModel: shortModelName(entry.gpu_model), kind };
  if (entry.fractional === true || !Number.isInteger(count)) spec.fractional = true;
  return spec;
}
