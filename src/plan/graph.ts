import { joinAddress } from "./address.js";

/**
 * The reference graph of a plan's `configuration`: which resource block's
 * attribute refers to which other resource block. Addresses are configuration
 * addresses (no instance keys), module-aware: `aws_kms_key.k.arn` written in
 * module `a` is `module.a.aws_kms_key.k`. References through a module's
 * input variables and outputs are followed to the resources behind them.
 * Locals are not in Terraform's JSON, so references through them are lost.
 */

export interface Reference {
  /** Configuration address of the referring resource. */
  from: string;
  /** Attribute path inside it, e.g. "rule.apply_server_side_encryption_by_default.kms_master_key_id". */
  attribute: string;
  /** Configuration address of the resource referred to. */
  to: string;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const NON_RESOURCE_ROOTS = new Set(["var", "local", "module", "each", "count", "path", "self", "terraform", "data"]);
const NO_TARGETS: readonly string[] = [];
const META_EXPRESSIONS = ["count_expression", "for_each_expression"] as const;

/**
 * Whether a reference plainly names something that is never a resource
 * (`local.tags`, `each.key`, `count.index`): a quarter of a configuration's
 * references, skipped without a look-up. Anything less plain goes to resolve.
 */
function namesNoResource(ref: string): boolean {
  const dot = ref.indexOf(".");
  const root = dot < 0 ? ref : ref.slice(0, dot);
  return NON_RESOURCE_ROOTS.has(root) && !FOLLOWED_ROOTS.has(root);
}

/** The roots among NON_RESOURCE_ROOTS that resolve follows to resources: module inputs and outputs, data sources. */
const FOLLOWED_ROOTS = new Set(["var", "module", "data"]);
const MAX_MODULE_HOPS = 32;

interface ModuleScope {
  prefix: string;
  module: Obj;
  /** The calling scope and the call's expressions, for `var.x` inside this module. */
  parent?: { scope: ModuleScope; callExpressions: Obj };
  /** Reference strings already resolved in this module: blocks repeat the same `var.x` and prefixes. */
  resolved?: Map<string, readonly string[]>;
}

export class ReferenceGraph {
  private readonly outgoing = new Map<string, Reference[]>();
  private readonly incoming = new Map<string, Reference[]>();
  /** Resource blocks declared in the configuration, with their expressions. */
  private readonly blocks = new Map<string, Obj>();

  static fromConfiguration(configuration: unknown): ReferenceGraph {
    const graph = new ReferenceGraph();
    if (isObj(configuration) && isObj(configuration["root_module"])) {
      graph.addModule({ prefix: "", module: configuration["root_module"] }, 0);
    }
    return graph;
  }

  /** References made by a resource block, optionally under an attribute path prefix. */
  referencesFrom(configAddress: string, attributePrefix?: string): Reference[] {
    const refs = this.outgoing.get(configAddress) ?? [];
    return attributePrefix === undefined ? refs : refs.filter((r) => isUnder(r.attribute, attributePrefix));
  }

  /** References made to a resource block. */
  referencesTo(configAddress: string): Reference[] {
    return this.incoming.get(configAddress) ?? [];
  }

  /** The expressions object of a resource block, if the configuration has it. */
  expressionsOf(configAddress: string): Obj | undefined {
    const block = this.blocks.get(configAddress);
    return block && isObj(block["expressions"]) ? block["expressions"] : undefined;
  }

  get size(): number {
    let n = 0;
    for (const refs of this.outgoing.values()) n += refs.length;
    return n;
  }

  private addModule(scope: ModuleScope, depth: number): void {
    if (depth > MAX_MODULE_HOPS) return;
    const resources = scope.module["resources"];
    if (Array.isArray(resources)) {
      for (const r of resources) {
        if (!isObj(r) || typeof r["address"] !== "string") continue;
        const from = joinAddress(scope.prefix, r["address"]);
        this.blocks.set(from, r);
        if (isObj(r["expressions"])) this.collect(from, scope, r["expressions"], "");
        for (const meta of META_EXPRESSIONS) {
          const e = r[meta];
          if (isObj(e)) this.addExpression(from, meta, scope, e);
        }
      }
    }
    const calls = scope.module["module_calls"];
    if (!isObj(calls)) return;
    for (const [name, call] of Object.entries(calls)) {
      if (!isObj(call) || !isObj(call["module"])) continue;
      const child: ModuleScope = {
        prefix: joinAddress(scope.prefix, `module.${name}`),
        module: call["module"],
        parent: { scope, callExpressions: isObj(call["expressions"]) ? call["expressions"] : {} },
      };
      this.addModule(child, depth + 1);
    }
  }

  /** Walks nested blocks: an expression has `references` or `constant_value`. `path` is the dotted attribute path so far. */
  private collect(from: string, scope: ModuleScope, node: unknown, path: string): void {
    if (Array.isArray(node)) {
      for (const item of node) this.collect(from, scope, item, path);
      return;
    }
    if (!isObj(node)) return;
    if (Array.isArray(node["references"]) || "constant_value" in node) {
      this.addExpression(from, path, scope, node);
      return;
    }
    for (const key in node) this.collect(from, scope, node[key], path === "" ? key : `${path}.${key}`);
  }

  private addExpression(from: string, attribute: string, scope: ModuleScope, expression: Obj): void {
    const refs = expression["references"];
    if (!Array.isArray(refs)) return;
    // The distinct targets in first-seen order: an expression names one or two, so an array beats a Set.
    let targets: string[] | undefined;
    for (const ref of refs) {
      if (typeof ref !== "string" || namesNoResource(ref)) continue;
      for (const to of this.resolveInScope(ref, scope)) {
        if (to === from) continue;
        if (!targets) targets = [to];
        else if (!targets.includes(to)) targets.push(to);
      }
    }
    if (!targets) return;
    for (const to of targets) {
      const edge: Reference = { from, attribute, to };
      push(this.outgoing, from, edge);
      push(this.incoming, to, edge);
    }
  }

  /** resolve, remembered per module scope. */
  private resolveInScope(ref: string, scope: ModuleScope): readonly string[] {
    const cache = (scope.resolved ??= new Map());
    let targets = cache.get(ref);
    if (!targets) {
      const out = new Set<string>();
      this.resolve(ref, scope, out, 0);
      targets = out.size === 0 ? NO_TARGETS : Array.from(out);
      cache.set(ref, targets);
    }
    return targets;
  }

  /** Resolves one reference string to the resource blocks behind it. */
  private resolve(ref: string, scope: ModuleScope, out: Set<string>, hops: number): void {
    if (hops > MAX_MODULE_HOPS) return;
    const parts = (ref.includes("[") ? ref.replace(/\[[^\]]*\]/g, "") : ref).split(".");
    const root = parts[0] ?? "";
    if (root === "data" && parts.length >= 3) {
      out.add(joinAddress(scope.prefix, `data.${parts[1]}.${parts[2]}`));
    } else if (!NON_RESOURCE_ROOTS.has(root) && parts.length >= 2) {
      out.add(joinAddress(scope.prefix, `${root}.${parts[1]}`));
    } else if (root === "var" && parts.length >= 2 && scope.parent) {
      // `var.x` inside a module: follow the caller's argument for x.
      const arg = scope.parent.callExpressions[parts[1]!];
      for (const r of referencesIn(arg)) this.resolve(r, scope.parent.scope, out, hops + 1);
    } else if (root === "module" && parts.length >= 3) {
      // `module.m.out`: follow the output's expression inside module m.
      const calls = scope.module["module_calls"];
      const call = isObj(calls) ? calls[parts[1]!] : undefined;
      if (!isObj(call) || !isObj(call["module"])) return;
      const outputs = call["module"]["outputs"];
      const output = isObj(outputs) ? outputs[parts[2]!] : undefined;
      const child: ModuleScope = {
        prefix: joinAddress(scope.prefix, `module.${parts[1]}`),
        module: call["module"],
        parent: { scope, callExpressions: isObj(call["expressions"]) ? call["expressions"] : {} },
      };
      if (isObj(output)) for (const r of referencesIn(output["expression"])) this.resolve(r, child, out, hops + 1);
    }
  }
}

function referencesIn(expression: unknown): string[] {
  if (!isObj(expression) || !Array.isArray(expression["references"])) return [];
  return expression["references"].filter((r): r is string => typeof r === "string");
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isUnder(attribute: string, prefix: string): boolean {
  return attribute === prefix || attribute.startsWith(prefix + ".");
}
