/**
 * Accelerator models and kinds: what a shape's accelerators are called and
 * which kind of accelerator they are. Shared by the catalog's build step
 * (catalog-tables.ts) and the run-time look-ups (catalog.ts).
 */

/**
 * Accelerator kinds, kept apart in the summary and selectable in quotas
 * (`gpu.count_kinds`): a quota written in "GPUs" may or may not mean Neuron
 * chips, Gaudi cards or TPU chips (catalog caveat 4).
 */
export const ACCELERATOR_KINDS = ["nvidia-gpu", "amd-gpu", "neuron", "gaudi", "qualcomm-ai100", "tpu"] as const;
export type AcceleratorKind = (typeof ACCELERATOR_KINDS)[number];

/** An accelerator model as quotas and reports name it. */
export interface AcceleratorModel {
  /** The model as the catalog names it: "NVIDIA A100 (40GB)". */
  model: string;
  /** The short model a quota names: "A100". */
  shortModel: string;
  kind: AcceleratorKind;
}

/**
 * The accelerators of a cloud machine shape, from the bundled catalog.
 * Counts may be fractional (AWS g6f, Azure NVadsA10_v5 partitions) and
 * include non-GPU accelerators (Neuron, Gaudi, TPU): each is tagged with its
 * kind so that quotas can say which kinds they count.
 */
export interface AcceleratorSpec extends AcceleratorModel {
  /** Accelerators per machine; fractions for partitioned GPUs. */
  count: number;
  /** True for a partition of one GPU (g6f, NV6ads_A10_v5): counted as its fraction. */
  fractional?: boolean;
}

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
 * Memoizes a pure function of one string (model and shape names): a plan
 * names the same few shapes thousands of times. A bound keeps odd inputs
 * from growing the table.
 */
export function memoByString<T>(f: (s: string) => T): (s: string) => T {
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

/** A TPU slice or machine of `chips` chips of a TPU version ("v6e (Trillium)", "v5e"). */
export function tpuSpec(chips: number, version: string): AcceleratorSpec {
  const short = `TPU ${version.split(" ")[0]}`;
  return { count: chips, model: `Google Cloud TPU ${version}`, shortModel: short, kind: "tpu" };
}
