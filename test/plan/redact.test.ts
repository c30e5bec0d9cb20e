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
