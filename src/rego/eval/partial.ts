/**
 * Builds the value of multi-value rules at one node: partial sets
 * (`p contains x`), partial objects (`p[k] := v`) and general ref heads
 * (`a.b[x].c := v`, `a[x] contains y`), which nest objects by their keys.
 * Two different values for one key are a conflict, as in OPA.
 */
import type { Loc } from "../ast.js";
import { RegoError } from "../errors.js";
import { canonicalKey, equal, makeObject, RegoSet, type Value } from "../value.js";

interface PNode {
  key: Value;
  value?: Value;
  children?: Map<string, PNode>;
  members?: RegoSet;
}

export class PartialBuilder {
  private readonly root: PNode = { key: null };

  constructor(private readonly name: string) {}

  /** `keys` lead to `value`. */
  addValue(keys: Value[], value: Value, loc: Loc | undefined): void {
    if (keys.length === 0) return;
    const parent = this.descend(keys.slice(0, -1), loc);
    const last = keys[keys.length - 1]!;
    parent.children ??= new Map();
    const ck = canonicalKey(last);
    const existing = parent.children.get(ck);
    if (!existing) {
      parent.children.set(ck, { key: last, value });
      return;
    }
    if (existing.value !== undefined && equal(existing.value, value)) return;
    throw this.conflict(loc);
  }

  /** A default for constant keys: used when no rule gave those keys a value. */
  addDefault(keys: Value[], value: Value): void {
    let node: PNode | undefined = this.root;
    for (const key of keys) {
      node = node.children?.get(canonicalKey(key));
      if (!node) break;
    }
    if (!node) this.addValue(keys, value, undefined);
  }

  /** `keys` lead to a set that holds `member`. */
  addMember(keys: Value[], member: Value, loc: Loc | undefined): void {
    const node = this.descend(keys, loc);
    if (node.value !== undefined || (node.children && node.children.size > 0)) throw this.conflict(loc);
    node.members ??= new RegoSet();
    node.members.addDuringConstruction(member);
  }

  private descend(keys: Value[], loc: Loc | undefined): PNode {
    let node = this.root;
    for (const key of keys) {
      if (node.value !== undefined || node.members) throw this.conflict(loc);
      node.children ??= new Map();
      const ck = canonicalKey(key);
      let child = node.children.get(ck);
      if (!child) node.children.set(ck, (child = { key }));
      node = child;
    }
    if (node.value !== undefined) throw this.conflict(loc);
    return node;
  }

  private conflict(loc: Loc | undefined): RegoError {
    return new RegoError("eval_conflict_error", `object keys must be unique (${this.name})`, loc);
  }

  /** The built value: a set (partial set rules) or an object. */
  value(isSet: boolean): Value {
    if (isSet && !this.root.children) return this.root.members ?? new RegoSet();
    return toValue(this.root);
  }
}

function toValue(node: PNode): Value {
  if (node.value !== undefined) return node.value;
  if (node.members) return node.members;
  const entries: [Value, Value][] = [];
  for (const child of node.children?.values() ?? []) entries.push([child.key, toValue(child)]);
  return makeObject(entries);
}
