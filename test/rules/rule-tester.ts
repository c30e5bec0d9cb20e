import { describe, expect, it } from "vitest";
import type { PlanguardConfig } from "../../src/config/config.js";
import type { RootBackend } from "../../src/governance/backend.js";
import { evaluateTypeScriptRules } from "../../src/policy/evaluate.js";
import type { TypeScriptRule } from "../../src/policy/rule.js";
import { RuleSelection } from "../../src/policy/select.js";
import type { Finding } from "../../src/policy/types.js";
import { inlineModel, type InlineConfiguration, type InlineResource } from "./inline-plan.js";

/**
 * A TypeScript rule's tests as a table, in the manner of ESLint's
 * RuleTester: cases on which the rule finds nothing (`valid`), cases on
 * which it fails with the listed findings (`invalid`), and cases where the
 * value it needs is known only after apply (`undecided`). Each case is a
 * few inline resources (inline-plan.ts), evaluated by the scan's own
 * evaluator with the rule alone. Every bundled rule has a table with all
 * three kinds (rule-tables.test.ts holds the registry to that).
 */

interface RuleCase extends InlineConfiguration {
  /** What the case shows, as the test's name. */
  name: string;
  resources: InlineResource[];
  /** The config the rule sees; defaults to the table's. */
  config?: PlanguardConfig;
  /** The root module's backend as read from its .tf files (the backend rules need it). */
  backend?: RootBackend;
}

interface ExpectedFinding {
  /** A fragment of the message. */
  message: string;
  /** The attribute the finding points at; undefined when it names none. */
  attribute: string | undefined;
  /** The resource the finding is about; defaults to the case's first resource for resource rules. */
  resource?: string;
  /** The narrower checks the finding names (per-finding aliases); checked when given, [] for none. */
  aliases?: string[];
}

interface InvalidCase extends RuleCase {
  /** Every finding the rule reports, in the order it reports them. */
  errors: ExpectedFinding[];
}

interface UndecidedCase extends RuleCase {
  /**
   * The "Not decided until apply" findings the rule reports (info,
   * `undecided`, never failing the scan). Empty when the rule rightly stays
   * silent on this unknown value: then `silentBecause` says why.
   */
  undecided: ExpectedFinding[];
  silentBecause?: string;
}

export interface RuleTable {
  rule: TypeScriptRule;
  /** The config every case is judged with unless it brings its own. */
  config?: PlanguardConfig;
  valid: RuleCase[];
  invalid: InvalidCase[];
  undecided: UndecidedCase[];
}

/** The findings of one rule on one case, as a scan would report them. */
function findingsOf(rule: TypeScriptRule, c: RuleCase, tableConfig: PlanguardConfig = {}): Finding[] {
  const config = c.config ?? tableConfig;
  const configuration: InlineConfiguration = {};
  if (c.providers) configuration.providers = c.providers;
  if (c.moduleCalls) configuration.moduleCalls = c.moduleCalls;
  const model = inlineModel(c.resources, configuration);
  const { findings, failures } = evaluateTypeScriptRules(
    model,
    [rule],
    config,
    new RuleSelection(config),
    c.backend ? { backend: c.backend } : {},
  );
  expect(failures, "the rule threw").toEqual([]);
  return findings;
}

/** Something in the case is known only after apply: an unknown mask, or a provider or module argument by reference. */
function declaresUnknown(c: RuleCase): boolean {
  const someTrue = (mask: unknown): boolean =>
    mask === true || (typeof mask === "object" && mask !== null && Object.values(mask).some(someTrue));
  if (c.resources.some((r) => someTrue(r.unknown))) return true;
  const byReference = (v: unknown): boolean => JSON.stringify(v ?? {}).includes('"references"');
  if (byReference(c.providers) || byReference(c.moduleCalls)) return true;
  // A backend setting written but not as a constant, or a block without its location, is completed at init.
  const backend = c.backend;
  if (backend?.kind !== "backend") return false;
  const location = backend.type === "azurerm" ? "storage_account_name" : "bucket";
  return [...backend.written].some((k) => !(k in backend.settings)) || !backend.written.has(location);
}

function expectFindings(
  rule: TypeScriptRule,
  c: RuleCase,
  found: Finding[],
  expected: ExpectedFinding[],
  undecided: boolean,
): void {
  const shown = found.map(
    (f) => `${f.undecided ? "undecided" : "fail"} ${f.resource?.address ?? "-"} ${f.attribute ?? "-"}: ${f.message}`,
  );
  expect(found.length, `findings:\n${shown.join("\n")}`).toBe(expected.length);
  expected.forEach((want, i) => {
    const f = found[i];
    if (!f) throw new Error(`finding ${i} missing`);
    expect(f.ruleId).toBe(rule.meta.id);
    expect(f.message).toContain(want.message);
    expect(f.attribute).toBe(want.attribute);
    if (want.aliases !== undefined) expect(f.aliases ?? []).toEqual(want.aliases);
    const resource = want.resource ?? (rule.kind === "resource" ? c.resources[0]?.address : undefined);
    if (resource !== undefined) expect(f.resource?.address).toBe(resource);
    if (want.aliases !== undefined) expect(f.aliases ?? []).toEqual(want.aliases);
    if (undecided) {
      expect(f.undecided).toBe(true);
      expect(f.severity).toBe("info");
      expect(f.message).toMatch(/^Not decided until apply: /);
    } else {
      expect(f.undecided).toBeUndefined();
      expect(f.severity).toBe(rule.meta.severity);
    }
  });
}

/** Registers the table's cases as vitest tests. */
export function testRule(table: RuleTable): void {
  const { rule } = table;
  describe(`${rule.meta.id} (${rule.meta.title})`, () => {
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c, table.config)).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        expect(c.errors.length, "an invalid case expects at least one finding").toBeGreaterThan(0);
        expectFindings(rule, c, findingsOf(rule, c, table.config), c.errors, false);
      });
    }
    for (const c of table.undecided) {
      it(`undecided: ${c.name}`, () => {
        expect(declaresUnknown(c), "an undecided case declares a value known only after apply").toBe(true);
        if (c.undecided.length === 0) expect(c.silentBecause ?? "", "a silent undecided case says why").toMatch(/\S/);
        expectFindings(rule, c, findingsOf(rule, c, table.config), c.undecided, true);
      });
    }
  });
}
