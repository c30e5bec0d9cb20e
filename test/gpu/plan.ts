import { buildModel, type Model } from "../../src/plan/model.js";
import { parseDocument } from "../../src/plan/load.js";

/** Minimal Terraform 1.x plans for the GPU tests: resources plus the configuration's references. */

export interface Change {
  address: string;
  after?: Record<string, unknown> | null;
  before?: Record<string, unknown> | null;
  unknown?: Record<string, unknown>;
  /** Attribute path in the configuration ("launch_template.id") → references. */
  refs?: Record<string, string[]>;
  index?: number | string;
}

const PROVIDERS: Record<string, string> = {
  aws: "registry.terraform.io/hashicorp/aws",
  google: "registry.terraform.io/hashicorp/google",
  azurerm: "registry.terraform.io/hashicorp/azurerm",
  kubernetes: "registry.terraform.io/hashicorp/kubernetes",
};

function planDoc(changes: Change[]): Record<string, unknown> {
  const blocks = new Map<string, Record<string, unknown>>();
  const resourceChanges = changes.map((c) => {
    const base = c.address.replace(/\[[^\]]*\]$/, "");
    const [type, name] = base.split(".").slice(-2) as [string, string];
    const provider = type.split("_")[0]!;
    const after = c.after === undefined ? null : c.after;
    const before = c.before === undefined ? null : c.before;
    const actions = before === null ? ["create"] : after === null ? ["delete"] : ["update"];
    if (!blocks.has(base)) {
      const expressions: Record<string, unknown> = {};
      for (const [path, refs] of Object.entries(c.refs ?? {})) {
        const parts = path.split(".");
        let cur = expressions;
        for (const p of parts.slice(0, -1)) cur = ((cur[p] ??= [{}]) as Record<string, unknown>[])[0]!;
        cur[parts[parts.length - 1]!] = { references: refs };
      }
      blocks.set(base, {
        address: base,
        mode: "managed",
        type,
        name,
        provider_config_key: provider,
        expressions,
        schema_version: 0,
      });
    }
    return {
      address: c.address,
      mode: "managed",
      type,
      name,
      ...(c.index !== undefined ? { index: c.index } : {}),
      provider_name: PROVIDERS[provider],
      change: {
        actions,
        before,
        after,
        after_unknown: after === null ? {} : (c.unknown ?? {}),
        before_sensitive: before === null ? false : {},
        after_sensitive: after === null ? false : {},
      },
    };
  });
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { root_module: {} },
    resource_changes: resourceChanges,
    configuration: { root_module: { resources: [...blocks.values()] } },
    timestamp: "2026-11-26T12:00:00Z",
    applyable: true,
    complete: true,
    errored: false,
  };
}

export function modelOf(changes: Change[]): Model {
  return buildModel(parseDocument("plan.json", Buffer.from(JSON.stringify(planDoc(changes)))));
}
