import { lookupTable } from "../plan/own.js";
import catalog from "./catalog.json" with { type: "json" };

/**
 * Accelerator kinds, kept apart in the summary and selectable in quotas
 * (`gpu.count_kinds`): a quota written in "GPUs" may or may not mean Neuron
 * chips, Gaudi cards or TPU chips (catalog caveat 4).
 */
export const ACCELERATOR_KINDS = ["nvidia-gpu", "amd-gpu", "neuron", "gaudi", "qualcomm-ai100", "tpu"] as const;
export type AcceleratorKind = (typeof ACCELERATOR_KINDS)[number];

/**
 * The accelerators of a cloud machine shape, from the bundled catalog.
 * Counts may be fractional (AWS g6f, Azure NVadsA10_v5 partitions) and
 * include non-GPU accelerators (Neuron, Gaudi, TPU): each is tagged with its
 * kind so that quotas can say which kinds they count.
 */
export interface AcceleratorSpec {
  /** Accelerators per machine; fractions for partitioned GPUs. */
  count: number;
  /** The model as the catalog names it: "NVIDIA A100 (40GB)". */
  model: string;
  /** The short model a quota names: "A100". */
  shortModel: string;
  kind: AcceleratorKind;
  /** True for a partition of one GPU (g6f, NV6ads_A10_v5): counted as its fraction. */
  fractional?: boolean;
}

interface CatalogEntry {
  gpus?: number;
  gpu_model?: string;
  accelerator_type?: string;
  guest_accelerator_type?: string;
  fractional?: boolean;
  gpu_fraction_derived?: number;
}

interface TpuEntry {
  chips?: number;
  tpu_version?: string;
}

type Table = Record<string, CatalogEntry>;

// Looked up by machine types the plan names: tables without a prototype, so
// "constructor" or "__proto__" finds nothing instead of Object's own members.
const awsEc2 = lookupTable(catalog.aws_ec2 as Table);
const awsSageMaker = lookupTable(catalog.aws_sagemaker as Table);
const gcpMachineTypes = lookupTable(catalog.gcp_machine_types as Table);
const gcpAccelerators = lookupTable(catalog.gcp_accelerator_types as Table);
const azureSizes = lowerKeys(catalog.azure_vm_sizes as Table);
const tpuMachineTypes = lookupTable(catalog.tpus.gke_machine_types as Record<string, TpuEntry>);
const tpuApiTypes = lookupTable(catalog.tpus.tpu_api_accelerator_types as Record<string, TpuEntry>);

function lowerKeys(t: Table): Table {
  const out: Table = Object.create(null);
  for (const [k, v] of Object.entries(t)) out[k.toLowerCase()] = v;
  return out;
}

const KIND_OF_CATALOG_TYPE: Record<string, AcceleratorKind> = lookupTable({
  nvidia_gpu: "nvidia-gpu",
  nvidia_gpu_fractional: "nvidia-gpu",
  amd_gpu: "amd-gpu",
  aws_neuron: "neuron",
  habana_gaudi: "gaudi",
  qualcomm_ai100: "qualcomm-ai100",
});

/** The kind of an accelerator model named by the catalog or a provider. */
export function kindOfModel(model: string): AcceleratorKind {
  if (/\bAMD\b|Instinct|Radeon/i.test(model)) return "amd-gpu";
  if (/Inferentia|Trainium|Neuron/i.test(model)) return "neuron";
  if (/Gaudi|Habana/i.test(model)) return "gaudi";
  if (/Qualcomm|AI 100/i.test(model)) return "qualcomm-ai100";
  if (/\bTPU\b/i.test(model)) return "tpu";
  return "nvidia-gpu";
}

/**
 * Specs by catalog entry: the catalog is constant, so each entry's spec is
 * built once (frozen, as every caller only reads it) instead of once per
 * resource that names the shape.
 */
const specs = new WeakMap<CatalogEntry, AcceleratorSpec | null>();

function specOf(entry: CatalogEntry | undefined): AcceleratorSpec | undefined {
  if (!entry) return undefined;
  let spec = specs.get(entry);
  if (spec === undefined) specs.set(entry, (spec = buildSpec(entry) ?? null));
  return spec ?? undefined;
}

function buildSpec(entry: CatalogEntry): AcceleratorSpec | undefined {
  if (entry.gpu_model === undefined) return undefined;
  // AWS reports fractional shapes as 0 GPUs; the catalog derives their fraction.
  const count = entry.gpus === 0 && entry.gpu_fraction_derived !== undefined ? entry.gpu_fraction_derived : (entry.gpus ?? 0);
  if (count <= 0) return undefined;
  const kind = (entry.accelerator_type && KIND_OF_CATALOG_TYPE[entry.accelerator_type]) || kindOfModel(entry.gpu_model);
  const spec: AcceleratorSpec = { count, model: entry.gpu_model, shortModel: shortModelName(entry.gpu_model), kind };
  if (entry.fractional === true || !Number.isInteger(count)) spec.fractional = true;
  return Object.freeze(spec);
}

/**
 * Memoizes a pure function of one string (model and shape names): a plan
 * names the same few shapes thousands of times. A bound keeps odd inputs
 * from growing the table.
 */
function memoByString<T>(f: (s: string) => T): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined && !memo.has(s)) {
      v = f(s);
      if (memo.size >= 10_000) memo.clear();
      memo.set(s, v);
    }
    return v as T;
  };
}

/** "NVIDIA A100 (40GB)" → "A100"; "AMD Instinct MI300X" → "MI300X"; "Inferentia2" → "Inferentia2". */
export const shortModelName: (model: string) => string = memoByString(computeShortModelName);

function computeShortModelName(model: string): string {
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

const lastSegment = (s: string): string => s.split("/").pop() ?? s;

/**
 * GCE machine types that attach accelerators implicitly: A/G series GPUs
 * (a2-*, a3-*, g2-*) and GKE TPU machine types (ct6e-standard-4t).
 */
export function gcpMachineAccelerators(machineType: string): AcceleratorSpec | undefined {
  // Machine types may be written as URLs: zones/us-central1-a/machineTypes/a2-highgpu-1g
  const name = lastSegment(machineType);
  const gpu = specOf(gcpMachineTypes[name]);
  if (gpu) return gpu;
  const tpu = tpuMachineTypes[name];
  if (tpu?.chips) return tpuSpec(tpu.chips, tpu.tpu_version ?? name);
  return undefined;
}

function tpuSpec(chips: number, version: string): AcceleratorSpec {
  const short = `TPU ${version.split(" ")[0]}`;
  return { count: chips, model: `Google Cloud TPU ${version}`, shortModel: short, kind: "tpu" };
}

/**
 * TPU API accelerator types (google_tpu_v2_vm `accelerator_type`): v5e and
 * v6e name their chip count in the suffix (v6e-8 = 8 chips, v6e-256 = 256
 * chips over 64 VMs). Older generations count TensorCores there, which the
 * catalog does not verify: those stay undecided.
 */
export function tpuApiAccelerators(acceleratorType: string): AcceleratorSpec | undefined {
  const name = lastSegment(acceleratorType).toLowerCase();
  const entry = tpuApiTypes[name];
  if (entry?.chips) return tpuSpec(entry.chips, name.split("-")[0]!);
  const m = /^(v5e|v6e|v5litepod)-(\d+)$/.exec(name);
  if (m) return tpuSpec(Number(m[2]), m[1] === "v5litepod" ? "v5e" : m[1]!);
  return undefined;
}

/** The model of a GCE accelerator type (nvidia-tesla-t4), per device; shared by every caller, so never mutated. */
export const gcpAcceleratorModel: (acceleratorType: string) => Readonly<AcceleratorModel> | undefined = memoByString(computeGcpAcceleratorModel);

interface AcceleratorModel {
  model: string;
  shortModel: string;
  kind: AcceleratorKind;
}

function computeGcpAcceleratorModel(acceleratorType: string): Readonly<AcceleratorModel> | undefined {
  const name = lastSegment(acceleratorType);
  const entry = gcpAccelerators[name];
  if (!entry?.gpu_model) return undefined;
  return Object.freeze({ model: entry.gpu_model, shortModel: shortModelName(entry.gpu_model), kind: kindOfModel(entry.gpu_model) });
}

/**
 * Vertex AI / Notebooks / Workbench accelerator enums (NVIDIA_TESLA_T4,
 * NVIDIA_A100_80GB, TPU_V5_LITEPOD) by their GCE name, else by the enum.
 */
export function vertexAcceleratorModel(acceleratorType: string): Readonly<AcceleratorModel> {
  const gceName = acceleratorType.toLowerCase().replace(/_/g, "-");
  const known = gcpAcceleratorModel(gceName);
  if (known) return known;
  if (/^TPU/i.test(acceleratorType)) {
    const version = acceleratorType.replace(/^TPU_?/i, "").replace(/_LITEPOD$/i, "e").replace(/_/g, "").toLowerCase();
    return { model: `Google Cloud TPU ${version}`, shortModel: `TPU ${version}`, kind: "tpu" };
  }
  return { model: acceleratorType, shortModel: shortModelName(acceleratorType.replace(/_/g, " ").replace(/\b(\d+GB)\b/i, "($1)")), kind: "nvidia-gpu" };
}

/** Azure VM sizes (Standard_NC24ads_A100_v4), matched case-insensitively. */
export function azureVmAccelerators(size: string): AcceleratorSpec | undefined {
  return specOf(azureSizes[size.toLowerCase()]);
}

/**
 * The instance family of a shape, as `gpu.allowed_families` names it:
 * AWS "p4d" (p4d.24xlarge, ml.p4d.24xlarge), GCP "a2" (a2-highgpu-1g),
 * "ct6e" (ct6e-standard-4t), TPU API "v6e" (v6e-8), Azure the size without
 * "Standard_" and without its vCPU count: "NCads_A100_v4" (Standard_NC24ads_A100_v4).
 */
export const familyOf: (shape: string) => string = memoByString(computeFamilyOf);

function computeFamilyOf(shape: string): string {
  const name = lastSegment(shape);
  if (/^Standard_/i.test(name)) return name.replace(/^Standard_/i, "").replace(/^([A-Za-z]+?)\d+/, "$1");
  if (name.includes(".")) return name.replace(/^ml\./, "").split(".")[0]!;
  return name.split("-")[0]!;
}

/**
 * Models whose accelerators are past end of support or previous generation,
 * per the catalog's notes: K80 (end of support on Google Cloud, gone from
 * the current EC2 lists), M60 (G3, previous generation), P4 (N1 attachable,
 * long superseded by T4/L4). `gpu.deprecated_models` replaces this list.
 */
export const DEFAULT_DEPRECATED_MODELS: readonly string[] = ["K80", "M60", "P4"];
