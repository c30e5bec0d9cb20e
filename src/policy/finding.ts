import type { Resource } from "../plan/model.js";
import { fingerprintOf } from "./fingerprint.js";
import type {
  Category,
  Finding,
  FindingResource,
  RuleMetadata,
  Severity,
  SourceLocation,
  Suppression,
} from "./types.js";

/** What any rule runner reports for one resource (or for the plan as a whole). */
export interface RawOutcome {
  kind: "fail" | "unknown";
  message: string;
  attribute?: string;
  resource?: Pick<Resource, "address" | "type" | "moduleAddress">;
  /** A severity the policy itself chose for this outcome (Rego objects may). */
  severity?: Severity;
  /** Ids of narrower checks this outcome is also a finding of (kept only when the rule declares them). */
  aliases?: readonly string[];
}

/**
 * Turns an outcome into a Finding. An unknown outcome (a value known only
 * after apply) is reported at info severity and never fails the scan.
 * `judged` is the resource a resource rule judged; its outcomes are about it.
 */
export function toFinding(
  meta: RuleMetadata,
  outcome: RawOutcome,
  file: string,
  severity: Severity,
  judged?: RawOutcome["resource"],
): Finding {
  return newFinding(
    meta,
    outcome.kind,
    outcome.message,
    file,
    outcome.severity ?? severity,
    judged ?? outcome.resource,
    outcome.attribute,
    outcome.aliases,
  );
}

/**
 * toFinding's work, from an outcome's parts: for a runner that reads them
 * from elsewhere (a Rego result) without making an outcome object first.
 * `severity` is the outcome's own or else the rule's; an unknown's is info.
 */
export function newFinding(
  meta: RuleMetadata,
  kind: RawOutcome["kind"],
  message: string,
  file: string,
  severity: Severity,
  resource: RawOutcome["resource"],
  attribute: string | undefined,
  named: readonly string[] | undefined,
): Finding {
  const undecided = kind === "unknown";
  let aliases: string[] | undefined;
  if (named !== undefined && named.length > 0) {
    const declared = declaredNarrower(meta, named);
    if (declared.length > 0) aliases = declared;
  }
  return new RuleFinding(
    meta.id,
    undecided ? "info" : severity,
    meta.category,
    undecided ? `Not decided until apply: ${message}` : message,
    file,
    undecided ? true : undefined,
    resource ? { address: resource.address, type: resource.type, module: resource.moduleAddress } : undefined,
    attribute,
    aliases,
  );
}

/**
 * A finding a rule gave. Every member is there from the start (an absent one
 * is undefined, which JSON leaves out, as it did the missing member), so a
 * finding is one object of one shape, not grown when the locate and filter
 * stages add its source and suppression; a large plan has tens of thousands.
 *
 * Its fingerprint (a SHA-256) is worked out when first read: SARIF, the JSON
 * report and baselines read it; the text, Markdown, JUnit, GitHub and HTML
 * reports and the exit code do not, and hashing every finding was about a
 * tenth of judging a plan with many. It depends only on members that
 * never change (rule id, resource, attribute), so it is the digest it would
 * have been when made. `toJSON` writes the members in the order a finding's
 * JSON has always had, the fingerprint among them.
 */
class RuleFinding implements Finding {
  source: SourceLocation | undefined = undefined;
  suppression: Suppression | undefined = undefined;
  #fingerprint: string | undefined = undefined;

  constructor(
    readonly ruleId: string,
    public severity: Severity,
    public category: Category,
    public message: string,
    public file: string,
    public undecided: true | undefined,
    readonly resource: FindingResource | undefined,
    readonly attribute: string | undefined,
    public aliases: string[] | undefined,
  ) {}

  get fingerprint(): string {
    this.#fingerprint ??= fingerprintOf(this.ruleId, this.resource?.address, this.attribute);
    return this.#fingerprint;
  }

  toJSON(): Record<string, unknown> {
    return {
      ruleId: this.ruleId,
      severity: this.severity,
      category: this.category,
      message: this.message,
      fingerprint: this.fingerprint,
      file: this.file,
      undecided: this.undecided,
      resource: this.resource,
      attribute: this.attribute,
      aliases: this.aliases,
      source: this.source,
      suppression: this.suppression,
    };
  }
}

/**
 * The ids an outcome names that its rule declares as narrower checks. Another
 * id is dropped: a finding may only answer to names `planguard rules` shows for
 * its rule, so a suppression's reach can be read from the rule's metadata.
 */
function declaredNarrower(meta: RuleMetadata, named: readonly string[]): string[] {
  if (!meta.narrower) return [];
  const index = narrowerIndex(meta.narrower);
  // An array, not a set: a finding names a handful of ids, kept in the order first named.
  const out: string[] = [];
  for (let i = 0; i < named.length; i++) {
    const canonical = index.canonical(named[i]!);
    if (canonical !== undefined && !out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/** A finding a waiver, baseline or inline comment suppressed (it stays in reports, listed apart). */
export function isSuppressed(f: Finding): f is Finding & { suppression: Suppression } {
  return f.suppression !== undefined;
}

/**
 * A rule's declared narrower ids by their upper-case form, made once per list
 * (a rule's metadata keeps its list): every finding of a rule with narrower
 * checks is looked up in it. The answers are also kept by the id as written,
 * since rules write the same few ids on thousands of findings and
 * upper-casing each costs a string; bounded, as a policy writes those ids.
 */
class NarrowerIndex {
  private readonly byUpperCase: Map<string, string>;
  private readonly byWritten = new Map<string, string | null>();

  constructor(narrower: readonly string[]) {
    this.byUpperCase = new Map(narrower.map((id) => [id.toUpperCase(), id]));
  }

  canonical(id: string): string | undefined {
    let canonical = this.byWritten.get(id);
    if (canonical === undefined) {
      canonical = this.byUpperCase.get(id.toUpperCase()) ?? null;
      if (this.byWritten.size < WRITTEN_IDS_LIMIT) this.byWritten.set(id, canonical);
    }
    return canonical ?? undefined;
  }
}

const WRITTEN_IDS_LIMIT = 256;
const narrowerIndexes = new WeakMap<readonly string[], NarrowerIndex>();

function narrowerIndex(narrower: readonly string[]): NarrowerIndex {
  let index = narrowerIndexes.get(narrower);
  if (index === undefined) {
    index = new NarrowerIndex(narrower);
    narrowerIndexes.set(narrower, index);
  }
  return index;
}
