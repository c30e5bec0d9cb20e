import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { parse as parseYaml } from "yaml";
import { InputError } from "../plan/errors.js";
import { describeFsError } from "../plan/load.js";
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
  /** The environment the plans are for; `--environment` overrides it (docs/governance.md). */
  environment?: string;
  environments?: Record<string, EnvironmentDeclaration>;
  governance?: GovernanceConfig;
}

/** What one environment may touch (src/governance/environments.ts). */
export interface EnvironmentDeclaration {
  aws_accounts?: string[];
  gcp_projects?: string[];
  azure_subscriptions?: string[];
  regions?: string[];
  tags?: Record<string, string>;
  state_buckets?: string[];
  require_image_digest?: boolean;
}

export interface GovernanceConfig {
  allowed_module_sources?: string[];
  require_tags?: { gpu?: string[] };
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
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
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
  const problem = environmentsProblem(data);
  if (problem) throw new InputError(file, problem);
  return data;
}

/** What the schema cannot say about `environments`: a chosen name must exist, and an id belongs to one environment only. */
function environmentsProblem(config: PlanguardConfig): string | undefined {
  const envs = config.environments;
  if (config.environment !== undefined && !envs) return `"environment" is set to "${config.environment}" but there is no "environments" block declaring it`;
  if (!envs) return undefined;
  if (config.environment !== undefined && !envs[config.environment]) {
    return `"environment" names "${config.environment}", which is not a key of "environments" (declared: ${Object.keys(envs).join(", ")})`;
  }
  for (const key of ["aws_accounts", "gcp_projects", "azure_subscriptions", "state_buckets"] as const) {
    const seen = new Map<string, string>();
    for (const [name, env] of Object.entries(envs)) {
      for (const id of env[key] ?? []) {
        const norm = key === "azure_subscriptions" ? id.toLowerCase() : id;
        const other = seen.get(norm);
        if (other !== undefined && other !== name) return `"environments.${name}.${key}" lists ${id}, which "environments.${other}.${key}" lists too: an id belongs to one environment`;
        seen.set(norm, name);
      }
    }
  }
  return undefined;
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
