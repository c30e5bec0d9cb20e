import catalog from "./catalog.json" with { type: "json" };

/**
 * The accelerators of a cloud machine shape, from the bundled catalog.
 * Counts may be fractional (AWS g6f, Azure NVadsA10_v5 partitions) and
 * include non-GPU accelerators (Neuron, Gaudi): a quota in "GPUs" counts
 * every accelerator device, as the README says.
 */
export interface AcceleratorSpec {
  /** Accelerators per machine; fractions for partitioned GPUs. */
  count: number;
  /** The model as the catalog names it: "NVIDIA A100 (40GB)". */
  model: string;
  /** The short model a quota names: "A100". */
  shortModel: string;
}

interface CatalogEntry {
  gpus?: number;
  gpu_model?: string;
  guest_accelerator_type?: string;
  fractional?: boolean;
  gpu_fraction_derived?: number;
}

type Table = Record<string, CatalogEntry>;

const awsEc2 = catalog.aws_ec2 as Table;
const awsSageMaker = catalog.aws_sagemaker as Table;
const gcpMachineTypes = catalog.gcp_machine_types as Table;
const gcpAccelerators = catalog.gcp_accelerator_types as Table;
const azureSizes = lowerKeys(catalog.azure_vm_sizes as Table);

function lowerKeys(t: Table): Table {
  const out: Table = {};
  for (const [k, v] of Object.entries(t)) out[k.toLowerCase()] = v;
  return out;
}

function specOf(entry: CatalogEntry | undefined): AcceleratorSpec | undefined {
  if (!entry || entry.gpu_model === undefined) return undefined;
  // AWS reports fractional shapes as 0 GPUs; the catalog derives their fraction.
  const count = entry.gpus === 0 && entry.gpu_fraction_derived !== undefined ? entry.gpu_fraction_derived : (entry.gpus ?? 0);
  if (count <= 0) return undefined;
  return { count, model: entry.gpu_model, shortModel: shortModelName(entry.gpu_model) };
}

/** "NVIDIA A100 (40GB)" → "A100"; "AMD Instinct MI300X" → "MI300X"; "Inferentia2" → "Inferentia2". */
export function shortModelName(model: string): string {
  const words = model
    .replace(/\(.*?\)/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "" && !/^(NVIDIA|AMD|Instinct|AWS|Intel|Habana|Qualcomm|Tesla|Radeon|Pro)$/i.test(w));
  return words[0] ?? model;
}

/** EC2 instance types (p4d.24xlarge) and SageMaker ones (ml.p4d.24xlarge). */
export function awsInstanceAccelerators(instanceType: string): AcceleratorSpec | undefined {
  if (instanceType.startsWith("ml.")) {
    return specOf(awsSageMaker[instanceType]) ?? specOf(awsEc2[instanceType.slice(3)]);
  }
  return specOf(awsEc2[instanceType]);
}

/** GCE machine types that attach GPUs implicitly (a2-*, a3-*, g2-*, ...). */
export function gcpMachineAccelerators(machineType: string): AcceleratorSpec | undefined {
  // Machine types may be written as URLs: zones/us-central1-a/machineTypes/a2-highgpu-1g
  const name = machineType.split("/").pop() ?? machineType;
  return specOf(gcpMachineTypes[name]);
}

/** The model of a GCE accelerator type (nvidia-tesla-t4), per device. */
export function gcpAcceleratorModel(acceleratorType: string): { model: string; shortModel: string } | undefined {
  const name = acceleratorType.split("/").pop() ?? acceleratorType;
  const entry = gcpAccelerators[name];
  if (!entry?.gpu_model) return undefined;
  return { model: entry.gpu_model, shortModel: shortModelName(entry.gpu_model) };
}

/** Azure VM sizes (Standard_NC24ads_A100_v4), matched case-insensitively. */
export function azureVmAccelerators(size: string): AcceleratorSpec | undefined {
  return specOf(azureSizes[size.toLowerCase()]);
}
