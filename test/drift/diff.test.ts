import { describe, expect, it } from "vitest";
import { alignLists } from "../../src/drift/align.js";
import { diffValues, type DiffSide } from "../../src/drift/diff.js";
import { DriftIgnore } from "../../src/drift/ignore.js";
import { parseForDrift } from "../../src/drift/input.js";
import { SensitiveDigests } from "../../src/plan/sensitive-digests.js";
import { REDACTED, redactPlan } from "../../src/plan/redact.js";

/** Redacts values the way the loader does, returning them with the digests redaction kept. */
function redactedSide(values: Record<string, unknown>, mask: unknown): DiffSide {
  const change: Record<string, unknown> = { actions: ["update"], before: null, after: values, after_sensitive: mask };
  const digests = redactPlan({ resource_changes: [{ change }] });
  return { values: change["after"] as Record<string, unknown>, digests };
}

const none = new SensitiveDigests();
const side = (values: Record<string, unknown> | null, extra: Partial<DiffSide> = {}): DiffSide => ({
  values,
  digests: none,
  ...extra,
});
const paths = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  diffValues(side(before), side(after)).map((c) => `${c.action} ${c.path}`);

describe("attribute diff", () => {
  it("compares objects key by key, down to the leaves", () => {
    const changes = diffValues(
      side({ ami: "a", tags: { Team: "ml" }, n: 1 }),
      side({ ami: "b", tags: { Team: "ml", Owner: "x" }, n: 1 }),
    );
    expect(changes).toEqual([
      { path: "ami", steps: ["ami"], action: "changed", before: "a", after: "b" },
      { path: "tags.Owner", steps: ["tags", "Owner"], action: "added", after: "x" },
    ]);
  });

  it("treats absent, null, [] and {} as the same nothing", () => {
    expect(paths({ a: null, b: [], c: {} }, { b: null, c: [], d: {} })).toEqual([]);
    expect(paths({ tags: null }, { tags: { Owner: "x" } })).toEqual(["added tags.Owner"]);
  });

  it("quotes map keys that are not identifiers", () => {
    expect(paths({ tags: {} }, { tags: { "kubernetes.io/cluster/a": "owned" } })).toEqual([
      'added tags["kubernetes.io/cluster/a"]',
    ]);
  });

  it("walks an added block as its attributes, leaving out empty ones", () => {
    const rule = (port: number, cidr: string) => ({
      cidr_blocks: [cidr],
      from_port: port,
      to_port: port,
      protocol: "tcp",
      security_groups: [],
      self: false,
      description: null,
    });
    const changes = diffValues(
      side({ ingress: [rule(443, "10.0.0.0/8")] }),
      side({ ingress: [rule(22, "0.0.0.0/0"), rule(443, "10.0.0.0/8")] }),
    );
    // The unchanged 443 rule lines up with itself although it moved from index 0 to 1.
    expect(changes.map((c) => `${c.action} ${c.path}`)).toEqual([
      "added ingress.0.cidr_blocks",
      "added ingress.0.from_port",
      "added ingress.0.to_port",
      "added ingress.0.protocol",
      "added ingress.0.self",
    ]);
    expect(changes[0]!.after).toEqual(["0.0.0.0/0"]);
  });

  it("diffs lists of plain values by position", () => {
    expect(diffValues(side({ cidr_blocks: ["10.0.0.0/8"] }), side({ cidr_blocks: ["0.0.0.0/0"] }))).toEqual([
      { path: "cidr_blocks.0", steps: ["cidr_blocks", 0], action: "changed", before: "10.0.0.0/8", after: "0.0.0.0/0" },
    ]);
    expect(paths({ l: ["a", "b", "c"] }, { l: ["a", "c"] })).toEqual(["removed l.1"]);
    expect(paths({ l: [] }, { l: ["a"] })).toEqual(["added l"]);
  });

  it("matches blocks by their natural key, and names them by it", () => {
    const before = {
      setting: [
        { name: "env", value: "prod" },
        { name: "debug", value: "false" },
      ],
    };
    const after = {
      setting: [
        { name: "debug", value: "true" },
        { name: "env", value: "prod" },
        { name: "region", value: "eu" },
      ],
    };
    expect(diffValues(side(before), side(after)).map((c) => [c.action, c.path, c.steps])).toEqual([
      ["changed", 'setting[name="debug"].value', ["setting", 0, "value"]],
      ["added", 'setting[name="region"].value', ["setting", 2, "value"]],
    ]);
  });

  it("falls back to position when the key is not unique", () => {
    const before = {
      setting: [
        { namespace: "a", name: "x", value: 1 },
        { namespace: "b", name: "x", value: 2 },
      ],
    };
    const after = {
      setting: [
        { namespace: "a", name: "x", value: 1 },
        { namespace: "b", name: "x", value: 3 },
      ],
    };
    // "name" repeats; "namespace" is unique, so it keys the list.
    expect(paths(before, after)).toEqual(['changed setting[namespace="b"].value']);
    const repeated = {
      s: [
        { name: "x", v: 1 },
        { name: "x", v: 2 },
      ],
    };
    expect(
      paths(repeated, {
        s: [
          { name: "x", v: 1 },
          { name: "x", v: 3 },
        ],
      }),
    ).toEqual(["changed s.1.v"]);
  });

  it("marks a value known only after apply", () => {
    const changes = diffValues(side({ id: "a", arn: "x" }), side({ arn: "x" }, { unknown: { id: true } }));
    expect(changes).toEqual([{ path: "id", steps: ["id"], action: "changed", before: "a", unknown: true }]);
  });
});

describe("sensitive values in the diff", () => {
  const plan = (before: string, after: string) =>
    Buffer.from(
      JSON.stringify({
        format_version: "1.2",
        resource_drift: [
          {
            address: "aws_ssm_parameter.p",
            mode: "managed",
            type: "aws_ssm_parameter",
            name: "p",
            provider_name: "registry.terraform.io/hashicorp/aws",
            change: {
              actions: ["update"],
              before: { value: before, version: 1 },
              after: { value: after, version: 1 },
              after_unknown: {},
              before_sensitive: { value: true },
              after_sensitive: { value: true },
            },
          },
        ],
      }),
    );
  const diffOf = (bytes: Buffer) => {
    const { loaded, digests } = parseForDrift("p.json", bytes);
    const change = (
      (loaded.doc["resource_drift"] as unknown[])[0] as { change: Record<string, Record<string, unknown>> }
    ).change;
    return diffValues(
      { values: change["before"]!, sensitive: change["before_sensitive"], digests },
      { values: change["after"]!, sensitive: change["after_sensitive"], digests },
    );
  };

  it("says a rotated secret changed without holding either value", () => {
    const changes = diffOf(plan("old-secret", "new-secret"));
    expect(changes).toEqual([{ path: "value", steps: ["value"], action: "changed", sensitive: true }]);
    expect(JSON.stringify(changes)).not.toMatch(/secret/);
  });

  it("reports nothing when the secret is the same", () => {
    expect(diffOf(plan("same", "same"))).toEqual([]);
  });

  it("sees a rotated secret inside a list of blocks", () => {
    const ruleMask = { rule: [{ token: true }] };
    const before = redactedSide({ rule: [{ name: "a", token: "t1" }] }, ruleMask);
    const after = redactedSide({ rule: [{ name: "a", token: "t2" }] }, ruleMask);
    expect(diffValues(before, after).map((c) => [c.path, c.sensitive])).toEqual([['rule[name="a"].token', true]]);
    // Unkeyed lists too: the changed element is not mistaken for an unchanged one.
    const listMask = { l: [{ token: true }] };
    const changes = diffValues(
      redactedSide({ l: [{ token: "t1" }] }, listMask),
      redactedSide({ l: [{ token: "t2" }] }, listMask),
    );
    expect(changes.map((c) => [c.path, c.sensitive])).toEqual([["l.0.token", true]]);
    expect(
      diffValues(redactedSide({ l: [{ token: "t1" }] }, listMask), redactedSide({ l: [{ token: "t1" }] }, listMask)),
    ).toEqual([]);
  });

  it("hides a value whose sensitivity changed, and a REDACTED value without a mask", () => {
    const changes = diffValues(side({ v: REDACTED }), side({ v: "plain" }));
    expect(changes).toEqual([{ path: "v", steps: ["v"], action: "changed", sensitive: true }]);
  });

  it("digests only what redaction blanked", () => {
    const { values, digests } = redactedSide({ a: { s: "hunter2-hunter2", t: "y" } }, { a: { s: true } });
    const a = values!["a"] as Record<string, unknown>;
    expect(a["s"]).toBe(REDACTED);
    expect(digests.get(a, "s")).toMatch(/^[A-Za-z0-9+/=]{44}$/);
    expect(digests.get(a, "t")).toBeUndefined();
    // Equal secrets digest equally (also in another document), different ones do not.
    const same = redactedSide({ s: "hunter2-hunter2" }, { s: true });
    const other = redactedSide({ s: "hunter3" }, { s: true });
    expect(same.digests.get(same.values!, "s")).toBe(digests.get(a, "s"));
    expect(other.digests.get(other.values!, "s")).not.toBe(digests.get(a, "s"));
  });
});

describe("list alignment", () => {
  it("pairs elements around unchanged ones", () => {
    expect(alignLists(["a", "b", "c"], ["x", "a", "c", "d"]).pairs).toEqual([
      { after: 0 },
      { before: 0, after: 1 },
      { before: 1 },
      { before: 2, after: 2 },
      { after: 3 },
    ]);
  });

  it("pairs a changed element in place", () => {
    expect(alignLists(["a", "b", "c"], ["a", "B", "c"]).pairs).toEqual([
      { before: 0, after: 0 },
      { before: 1, after: 1 },
      { before: 2, after: 2 },
    ]);
  });
});

describe("drift.ignore", () => {
  it("ignores defaults for every type, the config's own, and wildcards", () => {
    const ignore = new DriftIgnore({
      aws_instance: ["tags_all"],
      "*": ["ingress.*.description"],
      "google_*": ["labels.goog-*"],
    });
    expect(ignore.ignores("aws_lambda_function", ["last_modified"])).toBe(true);
    expect(ignore.ignores("aws_instance", ["tags_all", "Owner"])).toBe(true);
    expect(ignore.ignores("aws_s3_bucket", ["tags_all", "Owner"])).toBe(false);
    expect(ignore.ignores("aws_security_group", ["ingress", 3, "description"])).toBe(true);
    expect(ignore.ignores("aws_security_group", ["ingress", 3, "from_port"])).toBe(false);
    expect(ignore.ignores("google_compute_instance", ["labels", "goog-ops-agent"])).toBe(true);
    expect(ignore.ignores("google_compute_instance", ["label_fingerprint"])).toBe(true);
  });

  it("drops the defaults on request", () => {
    expect(new DriftIgnore({}, false).ignores("aws_lambda_function", ["last_modified"])).toBe(false);
  });
});
