import { parseDocument } from "../../src/plan/load.js";
import { buildModel, type Model } from "../../src/plan/model.js";

/**
 * A plan written inline: the few resources a rule test needs, turned into
 * the JSON `terraform show -json` prints, then loaded by the real loader
 * (validation, redaction) into the real model. Only what a case declares is
 * there: `values` are the planned values, `unknown` the after_unknown mask,
 * `refs` and `expressions` the resource's configuration block. As in a real
 * plan, the configuration writes each value as a literal (nested blocks as
 * lists of expression objects) unless it is `computed`, so provider
 * defaults apply only to what a case leaves out.
 */
export interface InlineResource {
  /** `aws_ebs_volume.data`, `aws_instance.node[0]`, `data.aws_iam_policy_document.x`, `module.m.aws_s3_bucket.b`. */
  address: string;
  /** The values after apply (change.after). Leave out the attributes that are unknown. */
  values?: Record<string, unknown>;
  /** Attributes known only after apply (change.after_unknown): `{ encrypted: true }`, `{ tags_all: { team: true } }`. */
  unknown?: Record<string, unknown>;
  /** Attributes Terraform marks sensitive (change.after_sensitive); their values are redacted on load. */
  sensitive?: Record<string, unknown>;
  /** Configuration references by attribute path (`"kms_key_id": ["aws_kms_key.k.arn", "aws_kms_key.k"]`). */
  refs?: Record<string, string[]>;
  /** Configuration expressions written out (`{ password: { constant_value: "x" } }`), merged over the rest. */
  expressions?: Record<string, unknown>;
  /** Top-level `values` the provider computed rather than the configuration wrote (`tags_all`, `arn`). */
  computed?: string[];
  /** Defaults to create; `["no-op"]` for a resource the plan leaves alone. */
  actions?: string[];
  /** Only a configuration block, no resource change: a data source read while planning. */
  configOnly?: boolean;
  /** No configuration block, as for a resource read from state: nothing says what the author wrote. */
  noConfiguration?: boolean;
}

/** Plan-wide parts of the configuration: provider blocks and module calls of the root module. */
export interface InlineConfiguration {
  /** configuration.provider_config, by key (`aws`, `aws.prod`). */
  providers?: Record<string, { name?: string; expressions?: Record<string, unknown>; version_constraint?: string }>;
  /** configuration.root_module.module_calls, by call name. */
  moduleCalls?: Record<string, Record<string, unknown>>;
}

const PROVIDER_SOURCES: Record<string, string> = {
  aws: "registry.terraform.io/hashicorp/aws",
  google: "registry.terraform.io/hashicorp/google",
  azurerm: "registry.terraform.io/hashicorp/azurerm",
  kubernetes: "registry.terraform.io/hashicorp/kubernetes",
  random: "registry.terraform.io/hashicorp/random",
  tls: "registry.terraform.io/hashicorp/tls",
  terraform: "terraform.io/builtin/terraform",
};

interface Parsed {
  mode: "managed" | "data";
  module: string | undefined;
  type: string;
  name: string;
  index: number | string | undefined;
  /** The configuration address: no instance key, no module. */
  block: string;
}

function parse(address: string): Parsed {
  const m = /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)(data\.)?([a-z0-9_]+)\.([\w-]+)(?:\[(\d+|"[^"]*")\])?$/.exec(
    address,
  );
  if (!m) throw new Error(`not a resource address: ${address}`);
  const [, modulePrefix = "", data, type = "", name = "", key] = m;
  const index = key === undefined ? undefined : key.startsWith('"') ? key.slice(1, -1) : Number(key);
  return {
    mode: data ? "data" : "managed",
    module: modulePrefix === "" ? undefined : modulePrefix.slice(0, -1),
    type,
    name,
    index,
    block: `${data ? "data." : ""}${type}.${name}`,
  };
}

/** Values as the literal expressions Terraform writes for them: blocks (lists of objects) nested, the rest constant. */
function literalExpressions(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(values)) {
    const isBlockList =
      Array.isArray(v) && v.length > 0 && v.every((b) => typeof b === "object" && b !== null && !Array.isArray(b));
    out[key] = isBlockList ? v.map((b) => literalExpressions(b as Record<string, unknown>)) : { constant_value: v };
  }
  return out;
}

/** `{ "a.b": [...] }` as the nested expression objects Terraform writes (blocks are lists of one object). */
function referenceExpressions(refs: Record<string, string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, references] of Object.entries(refs)) {
    const parts = path.split(".");
    let cur = out;
    for (const p of parts.slice(0, -1)) {
      const list = (cur[p] ??= [{}]) as Record<string, unknown>[];
      cur = list[0] ?? {};
    }
    cur[parts[parts.length - 1] ?? path] = { references };
  }
  return out;
}

function inlinePlan(
  resources: readonly InlineResource[],
  configuration: InlineConfiguration = {},
): Record<string, unknown> {
  const blocks = new Map<string, Record<string, unknown>>();
  const changes = resources.flatMap((r) => {
    const p = parse(r.address);
    const provider = p.type.split("_")[0] ?? p.type;
    const actions = r.actions ?? ["create"];
    const after = r.values ?? {};
    if (p.module === undefined && !r.noConfiguration && !blocks.has(p.block)) {
      const written = Object.fromEntries(Object.entries(after).filter(([k]) => !(r.computed ?? []).includes(k)));
      const expressions = {
        ...literalExpressions(written),
        ...referenceExpressions(r.refs ?? {}),
        ...(r.expressions ?? {}),
      };
      blocks.set(p.block, {
        address: p.block,
        mode: p.mode,
        type: p.type,
        name: p.name,
        provider_config_key: provider,
        expressions,
        schema_version: 0,
      });
    }
    if (r.configOnly) return [];
    return {
      address: r.address,
      ...(p.module !== undefined ? { module_address: p.module } : {}),
      mode: p.mode,
      type: p.type,
      name: p.name,
      ...(p.index !== undefined ? { index: p.index } : {}),
      provider_name: PROVIDER_SOURCES[provider] ?? `registry.terraform.io/hashicorp/${provider}`,
      change: {
        actions,
        before: actions.includes("create") ? null : after,
        after,
        after_unknown: r.unknown ?? {},
        before_sensitive: actions.includes("create") ? false : (r.sensitive ?? {}),
        after_sensitive: r.sensitive ?? {},
      },
    };
  });
  const providerConfig = Object.fromEntries(
    Object.entries(configuration.providers ?? {}).map(([key, p]) => {
      const name = p.name ?? key.split(".")[0] ?? key;
      return [
        key,
        {
          name,
          full_name: PROVIDER_SOURCES[name] ?? name,
          expressions: p.expressions ?? {},
          ...(p.version_constraint ? { version_constraint: p.version_constraint } : {}),
        },
      ];
    }),
  );
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: {
      provider_config: providerConfig,
      root_module: {
        resources: [...blocks.values()],
        ...(configuration.moduleCalls ? { module_calls: configuration.moduleCalls } : {}),
      },
    },
    timestamp: "2026-12-07T12:00:00Z",
    applyable: true,
    complete: true,
    errored: false,
  };
}

/** The model the scan would build from that plan. */
export function inlineModel(resources: readonly InlineResource[], configuration: InlineConfiguration = {}): Model {
  return buildModel(parseDocument("plan.json", Buffer.from(JSON.stringify(inlinePlan(resources, configuration)))));
}
