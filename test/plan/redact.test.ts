import { describe, expect, it } from "vitest";
import { REDACTED, redactPlan } from "../../src/plan/redact.js";

/** One resource change whose after value is `after`, with Terraform's mask of sensitive parts. */
function planWith(after: unknown, mask: unknown): Record<string, unknown> {
  return {
    format_version: "1.2",
    resource_changes: [
      { address: "x.y", type: "x", change: { actions: ["create"], before: null, after, after_sensitive: mask } },
    ],
  };
}
const afterOf = (plan: Record<string, unknown>) =>
  (plan["resource_changes"] as { change: { after: unknown } }[])[0]!.change.after;

describe("redaction follows Terraform's sensitivity masks", () => {
  it("blanks the marked leaves and subtrees, in nested blocks and lists, and nothing else", () => {
    const after = {
      name: "db",
      password: "hunter2",
      tags: { team: "ml", secret: "s3cr3t" },
      rules: [
        { token: "t0", port: 1 },
        { token: "t1", port: 2 },
      ],
      blocks: [{ inner: { key: "k" } }],
      whole: { a: 1, b: [2] },
      unmasked: { c: "visible" },
    };
    const mask = {
      password: true,
      tags: { secret: true },
      rules: [false, { token: true }],
      blocks: [{ inner: true }],
      whole: true,
      unmasked: {},
      missing: true,
      name: false,
    };
    const plan = planWith(after, mask);
    redactPlan(plan);
    expect(afterOf(plan)).toEqual({
      name: "db",
      password: REDACTED,
      tags: { team: "ml", secret: REDACTED },
      rules: [
        { token: "t0", port: 1 },
        { token: REDACTED, port: 2 },
      ],
      blocks: [{ inner: REDACTED }],
      whole: REDACTED,
      unmasked: { c: "visible" },
    });
  });

  it("ignores masks whose shape does not match the value (a list mask on an object, an object mask on a scalar)", () => {
    const plan = planWith({ a: { k: "v" }, b: "text", c: ["x"] }, { a: [true], b: { k: true }, c: { 0: true } });
    redactPlan(plan);
    expect(afterOf(plan)).toEqual({ a: { k: "v" }, b: "text", c: ["x"] });
  });

  it("keeps null and unknown values as they are (there is nothing to hide)", () => {
    const plan = planWith({ a: null }, { a: true });
    redactPlan(plan);
    expect(afterOf(plan)).toEqual({ a: null });
  });
});

describe("redaction of literals written in the configuration", () => {
  /** A plan whose resource changes mark `password` sensitive, and whose configuration writes it as a literal. */
  function planWithConstants(): Record<string, unknown> {
    const block = (address: string) => ({
      address,
      expressions: {
        password: { constant_value: "hunter2" },
        name: { constant_value: "db" },
        tags: { constant_value: { team: "ml" } },
      },
    });
    return {
      format_version: "1.2",
      resource_changes: [
        {
          address: 'module.m["a"].aws_db_instance.d[0]',
          type: "aws_db_instance",
          change: {
            actions: ["create"],
            before: null,
            after: { password: "hunter2", name: "db" },
            after_sensitive: { password: true, name: false, tags: {} },
          },
        },
      ],
      // Drift is what happened outside Terraform: its masks say nothing about what the configuration writes.
      resource_drift: [
        {
          address: "aws_db_instance.other",
          type: "aws_db_instance",
          change: { actions: ["update"], before: {}, after: { name: "db" }, after_sensitive: { name: true } },
        },
      ],
      configuration: {
        root_module: {
          resources: [block("aws_db_instance.other")],
          module_calls: { m: { module: { resources: [block("aws_db_instance.d")] } } },
        },
      },
    };
  }
  type Exprs = Record<string, { constant_value: unknown }>;
  const exprsOf = (plan: Record<string, unknown>, inModule: boolean): Exprs => {
    const root = (plan["configuration"] as { root_module: Record<string, unknown> }).root_module;
    const module = inModule ? (root["module_calls"] as { m: { module: Record<string, unknown> } }).m.module : root;
    return (module["resources"] as { expressions: Exprs }[])[0]!.expressions;
  };

  it("blanks the literal of an attribute the change marks sensitive, in the block of its configuration address", () => {
    const plan = planWithConstants();
    redactPlan(plan);
    const inModule = exprsOf(plan, true);
    expect(inModule["password"]!.constant_value).toBe(REDACTED);
    expect(inModule["name"]!.constant_value).toBe("db");
    expect(inModule["tags"]!.constant_value).toEqual({ team: "ml" });
    // The root block of the same type and name is another block: its literals stay.
    expect(exprsOf(plan, false)["password"]!.constant_value).toBe("hunter2");
  });

  it("does not read drift's masks as the configuration's", () => {
    const plan = planWithConstants();
    redactPlan(plan);
    expect(exprsOf(plan, false)["name"]!.constant_value).toBe("db");
  });
});
