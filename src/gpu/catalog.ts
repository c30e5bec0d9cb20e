import { lookupTable } from "../plan/own.js";
import type { CatalogTables } from "./catalog-tables.js";
import tablesJson from "./catalog-tables.generated.json" with { type: "json" };
import { memoByString, shortModelName, tpuSpec, type AcceleratorModel, type AcceleratorSpec } from "./models.js";

/**
 * Look-ups of cloud machine shapes and accelerator types in the bundled GPU
 * catalog. The tables come in their final shape from the build step
 * (catalog-tables.ts, `npm run gen:gpu-catalog`): one spec per shape that
 * carries accelerators, nothing to derive at run time.
 */

const tables = tablesJson as CatalogTables;

/**
 * Looked up by machine types the plan names: tables without a prototype, so
 * "constructor" or "__proto__" finds nothing instead of Object's own members.
 * Every caller shares the specs and only reads them: frozen, so none can
 * change another's.
 */
function frozenTable<T extends object>(table: Record<string, T>): Readonly<Record<string, Readonly<T>>> {
  for (const entry of Object.values(table)) Object.freeze(entry);
  return Object.freeze(lookupTable(table));
}

const awsEc2 = frozenTable(tables.aws_ec2);
const awsSageMaker = frozenTable(tables.aws_sagemaker);
const gcpMachineTypes = frozenTable(tables.gcp_machine_types);
const gcpAccelerators = frozenTable(tables.gcp_accelerator_models);
const tpuApiTypes = frozenTable(tables.tpu_api_types);
const azureSizes = frozenTable(tables.azure_vm_sizes);

/** EC2 instance types (p4d.24xlarge) and SageMaker ones (ml.p4d.24xlarge). */
export function awsInstanceAccelerators(instanceType: string): AcceleratorSpec | undefined {
  if (instanceType.startsWith("ml.")) return awsSageMaker[instanceType] ?? awsEc2[instanceType.slice(3)];
  return awsEc2[instanceType];
}

const lastSegment = (s: string): string => s.split("/").pop() ?? s;

/**
 * GCE machine types that attach accelerators implicitly: A/G series GPUs
 * (a2-*, a3-*, g2-*) and GKE TPU machine types (ct6e-standard-4t).
 */
export function gcpMachineAccelerators(machineType: string): AcceleratorSpec | undefined {
  // Machine types may be written as URLs: zones/us-central1-a/machineTypes/a2-highgpu-1g
  return gcpMachineTypes[lastSegment(machineType)];
}

/**
 * TPU API accelerator types (google_tpu_v2_vm `accelerator_type`): v5e and
 * v6e name their chip count in the suffix (v6e-8 = 8 chips, v6e-256 = 256
 * chips over 64 VMs). Older generations count TensorCores there, which the
 * catalog does not verify: those stay undecided.
 */
export function tpuApiAccelerators(acceleratorType: string): AcceleratorSpec | undefined {
  const name = lastSegment(acceleratorType).toLowerCase();
  const verified = tpuApiTypes[name];
  if (verified) return verified;
  const [, version, chips] = /^(v5e|v6e|v5litepod)-(\d+)$/.exec(name) ?? [];
  if (version === undefined || chips === undefined) return undefined;
  return tpuSpec(Number(chips), version === "v5litepod" ? "v5e" : version);
}

/** The model of a GCE accelerator type (nvidia-tesla-t4), per device; shared by every caller, so never mutated. */
export function gcpAcceleratorModel(acceleratorType: string): Readonly<AcceleratorModel> | undefined {
  return gcpAccelerators[lastSegment(acceleratorType)];
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
    const version = acceleratorType
      .replace(/^TPU_?/i, "")
      .replace(/_LITEPOD$/i, "e")
      .replace(/_/g, "")
      .toLowerCase();
    return { model: `Google Cloud TPU ${version}`, shortModel: `TPU ${version}`, kind: "tpu" };
  }
  return {
    model: acceleratorType,
    shortModel: shortModelName(acceleratorType.replace(/_/g, " ").replace(/\b(\d+GB)\b/i, "($1)")),
    kind: "nvidia-gpu",
  };
}

/** Azure VM sizes (Standard_NC24ads_A100_v4), matched case-insensitively. */
export function azureVmAccelerators(size: string): AcceleratorSpec | undefined {
  return azureSizes[size.toLowerCase()];
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
  if (name.includes(".")) return name.replace(/^ml\./, "").split(".")[0] ?? name;
  return name.split("-")[0] ?? name;
}

/**
 * Models whose accelerators are past end of support or previous generation,
 * per the catalog's notes: K80 (end of support on Google Cloud, gone from
 * the current EC2 lists), M60 (G3, previous generation), P4 (N1 attachable,
 * long superseded by T4/L4). `gpu.deprecated_models` replaces this list.
 */
export const DEFAULT_DEPRECATED_MODELS: readonly string[] = ["K80", "M60", "P4"];
