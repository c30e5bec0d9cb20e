/**
 * An evaluation context: the input, the base data, what `with` replaced, and
 * the memo of rule values computed under exactly these. A `with` makes a new
 * context with its own (empty) memo, so cached values never leak between
 * contexts.
 */
import type { CallTarget } from "../ast.js";
import type { Value } from "../value.js";
import type { FunctionMemo } from "./calls.js";
import { setPath } from "./collections.js";

export type Mock = { kind: "value"; value: Value } | { kind: "target"; target: CallTarget };

export const IN_PROGRESS = Symbol("in progress");
export const UNDEFINED = Symbol("undefined");
export type Memo = Value | typeof UNDEFINED | typeof IN_PROGRESS;

export class Context {
  /** Rule values by tree node id. */
  readonly memo = new Map<number | string, Memo>();
  /** Function results by tree node id, then by argument; null for a function no longer memoized (see FunctionMemo). */
  readonly calls = new Map<number, FunctionMemo | null>();
  /** Results of the costly one-string builtins (json.unmarshal, ...), by builtin name and argument. */
  readonly builtinMemo = new Map<string, Map<string, Value | typeof UNDEFINED>>();

  constructor(
    public input: Value | undefined,
    public data: Value | undefined,
    /** `with data.x.y as v`: replaced paths ("x\0y") and their values. */
    public readonly overrides: Map<string, { path: string[]; value: Value }> = new Map(),
    public readonly mocks: Map<string, Mock> = new Map(),
  ) {}

  private plain: Context | undefined;

  /**
   * This context without function mocks: where a mock's replacement runs.
   * OPA evaluates a replacement with the mocks set aside, so a mock calling
   * the function it replaces reaches the original, and never another mock.
   */
  unmocked(): Context {
    if (this.mocks.size === 0) return this;
    return (this.plain ??= new Context(this.input, this.data, this.overrides));
  }

  /** A child context for a `with`: same documents and replacements, fresh memo. */
  derive(): Context {
    return new Context(this.input, this.data, new Map(this.overrides), new Map(this.mocks));
  }

  /** Replaces `data.<path>`: base data and any virtual document there. */
  overrideData(path: string[], value: Value): void {
    this.data = setPath(this.data, path, value);
    const key = path.join("\0");
    for (const [k, o] of [...this.overrides]) {
      if (k === key || k.startsWith(key + "\0")) this.overrides.delete(k);
      else if (key.startsWith(k + "\0"))
        this.overrides.set(k, { path: o.path, value: setPath(o.value, path.slice(o.path.length), value) });
    }
    this.overrides.set(key, { path, value });
  }
}
