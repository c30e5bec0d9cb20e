import { existsSync } from "node:fs";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { parse as parseYaml } from "yaml";
import { InputError } from "../plan/errors.js";
import { MAX_CONFIG_BYTES, readTextUpTo } from "../plan/read-bounded.js";
import type { Severity } from "../policy/types.js";
import { config as generatedValidator } from "./config-validator.generated.js";

/** `.planguard.yaml`, validated against config.schema.json (which editors can use too). */
export interface PlanguardConfig {
  rules?: {
    disable?: string[];
    severity?: Record<string, Severity>;
  };
  gpu?: GpuQuota;
  include_data_sources?: boolean;
  waivers?: Waiver[];
  /** Drift reports (`planguard drift`); see src/drift/ignore.ts and docs/drift.md. */
  drift?: DriftConfig;
}

/** Added for `planguard drift`: attributes that churn, per resource type ("*" for any). */
export interface DriftConfig {
  ignore?: Record<string, string[]>;
  /** false: do not add planguard's defaults (timestamps, etags) to `ignore`. */
  default_ignore?: boolean;
}

export interface Waiver {
  rule: string;
  resource?: string;
  reason: string;
  /** YYYY-MM-DD, the last day the waiver applies. */
  expires?: string;
}

/** The `gpu` section: quotas and policies for GPU resources (docs/gpu.md). */
export interface GpuQuota {
  max_total?: number;
  max_per_resource?: number;
  allowed_models?: string[];
  require_tags?: string[];
  /** Accelerator kinds the quotas count; default all. */
  count_kinds?: ("nvidia-gpu" | "amd-gpu" | "neuron" | "gaudi" | "qualcomm-ai100" | "tpu")[];
  /** Count Kubernetes workloads' GPU requests in the quotas (off: their nodes are counted). */
  count_kubernetes_workloads?: boolean;
  /** Tag or label naming a resource's team; default "team". */
  team_tag?: string;
  teams?: Record<string, { max_total?: number }>;
  /** The plan's environment; a resource's environment tag wins. */
  environment?: string;
  /** Tag or label naming a resource's environment; default "environment". */
  environment_tag?: string;
  environments?: Record<string, { max_total?: number; require_spot?: boolean }>;
  allowed_families?: string[];
  forbid_unbounded_autoscaling?: boolean;
  max_autoscaling_nodes?: number;
  require_spot?: boolean;
  forbid_deprecated_models?: boolean;
  deprecated_models?: string[];
}

export const DEFAULT_CONFIG_FILE = ".planguard.yaml";

/** config.schema.json compiled ahead of time by scripts/generate-validators.mjs (no ajv compile per run). */
const validate = generatedValidator as ValidateFunction<PlanguardConfig>;

/**
 * Loads the config named by --config, else `.planguard.yaml` in the working
 * directory when there is one, else an empty config.
 */
export async function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): Promise<{ config: PlanguardConfig; file?: string }> {
  const file = explicit ?? (existsSync(path.join(cwd, DEFAULT_CONFIG_FILE)) ? path.join(cwd, DEFAULT_CONFIG_FILE) : undefined);
  if (!file) return { config: {} };
  const text = await readTextUpTo(file, MAX_CONFIG_BYTES, "a config file");
  return { config: parseConfig(file, text), file };
}

export function parseConfig(file: string, text: string): PlanguardConfig {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: false });
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new InputError(file, `invalid YAML: ${message}`);
  }
  if (data === null || data === undefined) return {};
  if (!validate(data)) throw new InputError(file, describeConfigError(validate.errors?.[0]));
  checkWaiverDates(file, data);
  return data;
}

/**
 * The schema checks the YYYY-MM-DD shape; the calendar is checked here. An
 * impossible date such as 9999-99-99 compares as a string after every real
 * day, so it would make a waiver that never expires.
 */
function checkWaiverDates(file: string, config: PlanguardConfig): void {
  config.waivers?.forEach((w, i) => {
    if (w.expires !== undefined && !isCalendarDate(w.expires)) {
      throw new InputError(file, `"waivers.${i}.expires" is ${JSON.stringify(w.expires)}, which is not a calendar date (YYYY-MM-DD)`);
    }
  });
}

/** Whether a YYYY-MM-DD string names a day that exists (months 01-12, days within the month, leap years). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function describeConfigError(err: ErrorObject | undefined): string {
  if (!err) return "invalid configuration";
  const key = err.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const where = key === "" ? "the top level" : `"${key}"`;
  switch (err.keyword) {
    case "additionalProperties": {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      const full = key === "" ? extra : `${key}.${extra}`;
      return `unknown key "${full}" (see src/config/config.schema.json for the keys planguard reads)`;
    }
    case "enum": {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
      return `${where} must be one of ${allowed.join(", ")}`;
    }
    default:
      return `${where} ${err.message ?? "is invalid"}`;
  }
}
