/**
 * The bundled library as a scan runs it when no user policy is beside it:
 * revived from the build's compile (compiled-cache.ts) module by module, only
 * as far as the plan needs.
 *
 * Why: the library has hundreds of modules, most of them for resource types
 * a given plan does not hold, and reading, reviving and assembling all of
 * them was a fixed cost of every scan (an empty plan's most of it). The
 * build records per module its gate and what it needs (library-index.ts);
 * for each plan's `data.planguard.resources_by_type` this program
 *
 * - answers `canFire` false for a package whose conftest bodies all iterate
 *   resource types the plan does not hold (they could yield nothing), so the
 *   runner does not evaluate them;
 * - compiles a program of the modules the other packages need, from their
 *   revived compiled forms (the compiler then only assembles the rule tree),
 *   and evaluates there; a plan that needs more modules than the program
 *   holds (a second plan of the scan) gets a program of the union.
 *
 * Everything that lists the library (packages(), inputMembersRead()) comes
 * from the build's index and covers every module. Should a module's line
 * turn out damaged, the library is compiled from its sources after all.
 */
import type { Source } from "../../rego/index.js";
import type { Value } from "../../rego/value.js";
import { compilePolicies } from "./compile.js";
import { DamagedLibrary, type CompiledLibrary } from "./compiled-cache.js";
import type { EvaluationBudget, RegoPackageInfo, RegoProgram } from "./engine.js";
import { gateOpen } from "./library-index.js";
import type { RegoRule } from "./rule-list.js";
import type { PolicySource } from "./runner.js";

export class LazyLibraryProgram implements RegoProgram {
  /** Package path -> its modules (a package may span files). */
  private readonly byPackage = new Map<string, number[]>();
  /** The program evaluated in, and the modules it holds. */
  private current: { holds: ReadonlySet<number>; program: RegoProgram } | undefined;
  /** The last plan's data and which packages can fire for it. */
  private last: { data: unknown; open: ReadonlySet<string> | "all" } | undefined;
  /** Every module compiled from its text (a damaged line was found). */
  private whole: RegoProgram | undefined;

  /**
   * `sources` gives the bundled sources, exactly those the library was
   * compiled from (CompiledLibrary.compiledFrom), asked for only when a module
   * is compiled; `fromText` compiles them without the library.
   */
  constructor(
    private readonly sources: () => readonly PolicySource[],
    private readonly library: CompiledLibrary,
    private readonly fromText: () => RegoProgram,
  ) {
    library.modules.forEach((m, i) => {
      const list = this.byPackage.get(m.package.path);
      if (list) list.push(i);
      else this.byPackage.set(m.package.path, [i]);
    });
  }

  packages(): RegoPackageInfo[] {
    return this.library.modules.map((m) => m.package);
  }

  /** Listed at build time: packages() carries no annotations to list them from (compiled-cache.ts). */
  rulesAhead(): RegoRule[] {
    return this.library.rules();
  }

  inputMembersRead(): ReadonlySet<string> | "whole" {
    return this.library.inputUse();
  }

  canFire(pkg: string, data: unknown): boolean {
    const open = this.openFor(data);
    return open === "all" || open.has(pkg) || !this.byPackage.has(pkg);
  }

  evaluate(ref: string, input: unknown, data: unknown, budget: EvaluationBudget): Value | undefined {
    return this.programFor(ref, data).evaluate(ref, input, data, budget);
  }

  /** The packages whose conftest rules may yield something with this data. */
  private openFor(data: unknown): ReadonlySet<string> | "all" {
    const last = this.last;
    if (last && last.data === data) return last.open;
    const byType = resourcesByType(data);
    let open: ReadonlySet<string> | "all" = "all";
    if (byType) {
      const present = (type: string) => Object.hasOwn(byType, type);
      const set = new Set<string>();
      for (const m of this.library.modules) if (gateOpen(m.gate, present)) set.add(m.package.path);
      open = set;
    }
    this.last = { data, open };
    return open;
  }

  /** A program that holds what `ref` and every package that can fire for this data need. */
  private programFor(ref: string, data: unknown): RegoProgram {
    if (this.whole) return this.whole;
    const wanted = new Set<number>();
    const open = this.openFor(data);
    const pkg = /^data\.(.+)\.[^.]+$/.exec(ref)?.[1];
    const own = pkg === undefined ? undefined : this.byPackage.get(pkg);
    const roots =
      open === "all" || own === undefined
        ? this.library.modules.map((_, i) => i)
        : [...own, ...[...open].flatMap((p) => this.byPackage.get(p) ?? [])];
    for (const i of roots) for (const j of this.library.modules[i]!.needs) wanted.add(j);
    const current = this.current;
    if (current && [...wanted].every((i) => current.holds.has(i))) return current.program;
    for (const i of current?.holds ?? []) wanted.add(i);
    try {
      this.current = { holds: wanted, program: this.compile(wanted) };
    } catch (err) {
      if (!(err instanceof DamagedLibrary)) throw err;
      this.whole = this.fromText();
      return this.whole;
    }
    return this.current.program;
  }

  /** The bundled modules `holds` (in the library's order), from their compiled forms. */
  private compile(holds: ReadonlySet<number>): RegoProgram {
    const sources: (PolicySource & Source)[] = [];
    this.sources().forEach((s, i) => {
      if (holds.has(i)) sources.push({ ...s, compiled: this.library.module(i) });
    });
    return compilePolicies(sources);
  }
}

/** `data.planguard.resources_by_type` as the runner builds it, or undefined when it is not there (then nothing is left out). */
function resourcesByType(data: unknown): object | undefined {
  if (typeof data !== "object" || data === null || !Object.hasOwn(data, "planguard")) return undefined;
  const planguard = (data as { planguard: unknown }).planguard;
  if (typeof planguard !== "object" || planguard === null || !Object.hasOwn(planguard, "resources_by_type"))
    return undefined;
  const byType = (planguard as { resources_by_type: unknown }).resources_by_type;
  return typeof byType === "object" && byType !== null ? byType : undefined;
}
