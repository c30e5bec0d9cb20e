import { existsSync } from "node:fs";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { isDate } from "./dates.js";
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { InputError } from "../input-error.js";
import { MAX_CONFIG_BYTES, readTextUpTo } from "../plan/read-bounded.js";
import type { Severity } from "../severity.js";
import { config as generatedValidator } from "./config-validator.generated.js";

/** `.planguard.yaml`, validated against config.schema.json (which editors can use too). */
export interface PlanguardConfig {
  rules?: {
    disable?: string[];
    severity?: Record<string, Severity>;
  };
  gpu?: GpuQuota;
  include_data_sources?: boolean;
  /** When an admitted address set counts as the internet (src/rules/address-space.ts). */
  network?: { internet_ipv4_prefix?: number; internet_ipv6_prefix?: number };
  waivers?: Waiver[];
  /** Drift reports (`planguard drift`); see src/drift/ignore.ts and docs/drift.md. */
  drift?: DriftConfig;
  /** Reports: where the HTML report links a finding's .tf file and line. */
  report?: { source_url?: string };
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

/** A path inside the config, as the schema's errors and the checks name it: ["waivers", 2, "rule"]. */
export type ConfigPath = readonly (string | number)[];

/** Where the config came from, so that messages can name the line of a mistake. */
export interface ConfigSource {
  file: string;
  /** "file:line" of the value at that path, or the file alone when the path is not in it. */
  placeOf(at: ConfigPath): string;
  /** The 1-based line of the value at that path. */
  lineOf(at: ConfigPath): number | undefined;
}

export interface LoadedConfig {
  config: PlanguardConfig;
  file?: string;
  source?: ConfigSource;
}

/**
 * Loads the config named by --config, else `.planguard.yaml` in the working
 * directory when there is one, else an empty config.
 */
export async function loadConfig(
  explicit: string | undefined,
  cwd: string = process.cwd(),
  display: (file: string) => string = (f) => f,
): Promise<LoadedConfig> {
  const file =
    explicit ?? (existsSync(path.join(cwd, DEFAULT_CONFIG_FILE)) ? path.join(cwd, DEFAULT_CONFIG_FILE) : undefined);
  if (!file) return { config: {} };
  // Messages and reports name the file as `display` writes it (relative to the repository root).
  const shown = display(file);
  const text = await readTextUpTo(file, MAX_CONFIG_BYTES, "a config file");
  const { config, source } = parseConfigSource(shown, text);
  return { config, file: shown, source };
}

export function parseConfig(file: string, text: string): PlanguardConfig {
  return parseConfigSource(file, text).config;
}

/** The config and where each of its values is written. */
function parseConfigSource(file: string, text: string): { config: PlanguardConfig; source: ConfigSource } {
  return validJsonConfig(file, text) ?? parseYamlConfigSource(file, text);
}

/**
 * A config written as JSON with nothing to say about it, without the YAML parser: JSON.parse is
 * ~20x faster than the YAML parse that positions each value, whose module (and the YAML document
 * model) an empty plan's scan then never loads. The positions are made from the text by the YAML
 * parser when a message first asks for one (a waiver's, a rule reference's).
 *
 * Undefined (the YAML path reads the config and says what is wrong, exactly as it always did)
 * for anything else: text JSON.parse refuses or that is not an object; text the YAML parser
 * reads otherwise (a key written twice, which it refuses and JSON.parse keeps the last of; a line
 * broken by a lone carriage return, which it refuses); a config the checks refuse.
 */
function validJsonConfig(file: string, text: string): { config: PlanguardConfig; source: ConfigSource } | undefined {
  if (!/^\s*\{/.test(text) || /\r(?!\n)/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (keysWritten(text) !== keysHeld(data)) return undefined;
  if (!validate(data) || !datesValid(data) || environmentsProblem(data) !== undefined) return undefined;
  let parsed: ConfigSource | undefined;
  const source = (): ConfigSource => (parsed ??= parseYamlConfigSource(file, text).source);
  return {
    config: data,
    source: { file, lineOf: (at) => source().lineOf(at), placeOf: (at) => source().placeOf(at) },
  };
}

/** How many object keys JSON text writes: each string followed by a colon (strings are matched whole, left to right). */
function keysWritten(text: string): number {
  let keys = 0;
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)) if (match[1] !== undefined) keys++;
  return keys;
}

/** How many keys the parsed value's objects hold, all levels. */
function keysHeld(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + keysHeld(v), 0);
  if (value === null || typeof value !== "object") return 0;
  const entries = Object.values(value);
  return entries.reduce((n: number, v) => n + keysHeld(v), entries.length);
}

/** The config read with the YAML parser (JSON is YAML), each value's position kept for messages. */
function parseYamlConfigSource(file: string, text: string): { config: PlanguardConfig; source: ConfigSource } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter: lines });
  const source = configSource(file, doc, lines);
  if (doc.errors.length > 0) throw new InputError(file, `invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { config: {}, source };
  if (!validate(data)) {
    const err = validate.errors?.[0];
    throw new InputError(err ? source.placeOf(errorPath(err)) : file, describeConfigError(err));
  }
  checkDates(data, source);
  const problem = environmentsProblem(data);
  if (problem) throw new InputError(source.placeOf(["environments"]), problem);
  return { config: data, source };
}

function configSource(file: string, doc: Document, lines: LineCounter): ConfigSource {
  const lineOf = (at: ConfigPath): number | undefined => {
    let node: unknown = at.length === 0 ? doc.contents : doc.getIn(at, true);
    // A mapping entry is where its key is written (its value may start on the next line).
    const parent = at.length === 0 ? undefined : at.length === 1 ? doc.contents : doc.getIn(at.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === at[at.length - 1]);
      if (pair && isNode(pair.key)) node = pair.key;
    }
    const range = isNode(node) ? node.range : undefined;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  return {
    file,
    lineOf,
    placeOf: (at) => {
      const line = lineOf(at);
      return line === undefined ? file : `${file}:${line}`;
    },
  };
}

/** Where a schema error is: an unknown key's own line, else the value's. */
function errorPath(err: ErrorObject): ConfigPath {
  const at = pointerPath(err.instancePath);
  return err.keyword === "additionalProperties"
    ? [...at, (err.params as { additionalProperty: string }).additionalProperty]
    : at;
}

/** "/waivers/0/rule" -> ["waivers", 0, "rule"] */
function pointerPath(pointer: string): ConfigPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
}

/** Whether every waiver's date is a day (checkDates says which is not). */
function datesValid(config: PlanguardConfig): boolean {
  return (config.waivers ?? []).every((w) => w.expires === undefined || isDate(w.expires));
}

/** The schema checks the shape of a date; 2020-13-45 has the shape and is no day. */
function checkDates(config: PlanguardConfig, source: ConfigSource): void {
  (config.waivers ?? []).forEach((w, i) => {
    if (w.expires !== undefined && !isDate(w.expires)) {
      throw new InputError(
        source.placeOf(["waivers", i, "expires"]),
        `waivers[${i}].expires "${w.expires}" is not a date (YYYY-MM-DD)`,
      );
    }
  });
}

/** What the schema cannot say about `environments`: a chosen name must exist, and an id belongs to one environment only. */
function environmentsProblem(config: PlanguardConfig): string | undefined {
  const envs = config.environments;
  if (config.environment !== undefined && !envs)
    return `"environment" is set to "${config.environment}" but there is no "environments" block declaring it`;
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
        if (other !== undefined && other !== name)
          return `"environments.${name}.${key}" lists ${id}, which "environments.${other}.${key}" lists too: an id belongs to one environment`;
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
