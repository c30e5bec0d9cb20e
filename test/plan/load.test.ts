import { describe, expect, it } from "vitest";
import { InputError } from "../../src/input-error.js";
import { parseDocument } from "../../src/plan/load.js";

const plan = (extra: Record<string, unknown> = {}) => ({ format_version: "1.2", resource_changes: [], ...extra });
const bytes = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v));

function refusal(input: Buffer, options = {}): string {
  try {
    parseDocument("in.json", input, options);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problem;
  }
  throw new Error("expected a refusal");
}

describe("loading", () => {
  it("tells a plan from a state and from a raw state file", () => {
    expect(parseDocument("p", bytes(plan())).kind).toBe("plan");
    const state = parseDocument("s", bytes({ format_version: "1.0", values: { root_module: {} } }));
    expect([state.kind, state.format]).toEqual(["state", "state"]);
    const raw = parseDocument("r", bytes({ version: 4, serial: 1, lineage: "x", resources: [] }));
    expect([raw.kind, raw.format]).toEqual(["state", "tfstate"]);
  });

  it("accepts every 0.x and 1.x format version and refuses 2.x", () => {
    for (const v of ["0.1", "0.2", "1.0", "1.9"])
      expect(parseDocument("p", bytes(plan({ format_version: v }))).formatVersion).toBe(v);
    expect(refusal(bytes(plan({ format_version: "2.0" })))).toMatch(/format_version 2\.0 is not supported/);
    expect(refusal(bytes(plan({ format_version: 1 })))).toMatch(/format_version must be a string/);
  });

  it("refuses a state where a plan is expected, and the reverse, saying what to run", () => {
    const state = bytes({ format_version: "1.0", values: {} });
    expect(refusal(state, { expect: "plan" })).toMatch(
      /this is a state, but a plan was expected.*terraform show -json tfplan/,
    );
    expect(refusal(bytes(plan()), { expect: "state" })).toMatch(/this is a plan, but a state was expected/);
  });

  it("names the JSON pointer of a shape error", () => {
    expect(
      refusal(bytes(plan({ resource_changes: [{ address: "a.b", mode: "managed", type: "a", name: "b" }] }))),
    ).toBe("not a valid Terraform plan (terraform show -json <planfile>): /resource_changes/0/change is missing");
    expect(refusal(bytes(plan({ resource_changes: {} })))).toMatch(/\/resource_changes must be array/);
  });

  it("gives line and column for a syntax error", () => {
    expect(refusal(bytes('{\n  "format_version": "1.2",\n  "x": [1, 2,,]\n}'))).toMatch(
      /^invalid JSON at line 3, column 14: unexpected .,. where a value was expected/,
    );
    expect(refusal(bytes('{"format_version": "1.2"'))).toMatch(/^invalid JSON at line 1, column 25/);
  });

  it("explains the inputs people give by mistake", () => {
    expect(refusal(Buffer.alloc(0))).toMatch(/empty/);
    expect(refusal(bytes("  \n"))).toMatch(/empty/);
    expect(refusal(bytes("[]"))).toMatch(/expected a JSON object .* found an array/);
    expect(refusal(bytes("null"))).toMatch(/found null/);
    expect(refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/binary plan file.*terraform show -json/);
    // UTF-16 with a BOM is read as such (test/plan/tolerate.test.ts): what it holds is judged like any text.
    expect(refusal(Buffer.from("\ufeff{}", "utf16le"))).toMatch(/no format_version/);
    expect(refusal(bytes('resource "aws_s3_bucket" "b" {\n}'))).toMatch(/looks like HCL/);
    expect(refusal(bytes({ foo: 1 }))).toMatch(/no format_version/);
    expect(refusal(bytes({ version: 3, lineage: "x", resources: [] }))).toMatch(
      /state file version 3 is not supported/,
    );
    expect(refusal(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toMatch(/invalid UTF-8 at line 1, column 3/);
    // A real U+FFFD in the text does not hide an invalid byte elsewhere.
    expect(
      refusal(Buffer.concat([bytes('{"format_version":"1.2","a":"\uFFFD","b":"'), Buffer.from([0xff]), bytes('"}')])),
    ).toMatch(/invalid UTF-8/);
    // Nor does the partial load of a large plan (it checks the bytes before it leaves members out).
    const big = Buffer.concat([
      bytes('{"format_version":"1.2","planned_values":{"x":"'),
      Buffer.alloc(5 * 1024 * 1024, 0x61),
      Buffer.from([0xc3]),
      // resource_changes listed: the partial load is not redone whole for want of them.
      bytes('"},"resource_changes":[1]}'),
    ]);
    expect(refusal(big, { skipMembers: ["planned_values"] })).toMatch(/invalid UTF-8/);
    // A bad byte in a member the partial load keeps is placed as by the whole parse.
    const keptBad = Buffer.concat([
      bytes('{"format_version":"1.2","planned_values":{"x":"'),
      Buffer.alloc(5 * 1024 * 1024, 0x61),
      bytes('"},\n"resource_changes":[\n "'),
      Buffer.from([0xe2, 0x82]),
      bytes('"]}'),
    ]);
    expect(refusal(keptBad, { skipMembers: ["planned_values"] })).toMatch(/invalid UTF-8 at line 3, column 3$/);
    // Or in a key between the pieces it decodes (kept members are decoded from their values on).
    const badKey = Buffer.concat([
      bytes('{"format_version":"1.2","planned_values":{"x":"'),
      Buffer.alloc(5 * 1024 * 1024, 0x61),
      bytes('"},\n"resource_changes":[1],\n"v'),
      Buffer.from([0xff]),
      bytes('":1}'),
    ]);
    expect(refusal(badKey, { skipMembers: ["planned_values"] })).toMatch(/invalid UTF-8 at line 3, column 3$/);
    // A real U+FFFD in a kept member is no error, with or without the partial load.
    const change = {
      address: "aws_s3_bucket.b",
      mode: "managed",
      type: "aws_s3_bucket",
      name: "b",
      provider_name: "registry.terraform.io/hashicorp/aws",
      change: { actions: ["create"], before: null, after: { bucket: "\uFFFD" }, after_unknown: {} },
    };
    const realFffd = Buffer.concat([
      bytes('{"format_version":"1.2","planned_values":{"x":"'),
      Buffer.alloc(5 * 1024 * 1024, 0x61),
      bytes(`"},"resource_changes":[${JSON.stringify(change)}],"variables":{"v":{"value":"\uFFFD"}}}`),
    ]);
    const partial = parseDocument("p", realFffd, { skipMembers: ["planned_values"] });
    expect(partial.kind).toBe("plan");
    expect(partial.skipped).toEqual(["planned_values"]);
    expect(parseDocument("p", realFffd).kind).toBe("plan");
  });

  it("reads a file with a UTF-8 byte order mark", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(plan())]);
    expect(parseDocument("p", withBom).kind).toBe("plan");
  });

  it("refuses a file over the size limit", () => {
    expect(refusal(bytes(plan()), { maxBytes: 10 })).toMatch(/over the limit of 10 bytes/);
  });

  it("warns, without refusing, about an errored or incomplete plan", () => {
    expect(parseDocument("p", bytes(plan({ errored: true }))).warnings[0]).toMatch(/errored/);
    expect(parseDocument("p", bytes(plan({ complete: false }))).warnings[0]).toMatch(/incomplete/);
  });
});

describe("digests of redacted values", () => {
  const withSecret = plan({
    resource_changes: [
      {
        address: "aws_db_instance.db",
        mode: "managed",
        type: "aws_db_instance",
        name: "db",
        change: {
          actions: ["create"],
          before: null,
          after: { password: "hunter2" },
          after_unknown: {},
          after_sensitive: { password: true },
        },
      },
    ],
  });
  const afterOf = (doc: Record<string, unknown>) =>
    (doc["resource_changes"] as { change: { after: Record<string, unknown> } }[])[0]!.change.after;

  it("are kept by default, for drift to tell a changed secret from an unchanged one", () => {
    const loaded = parseDocument("p", bytes(withSecret));
    expect(afterOf(loaded.doc)["password"]).toBe("(sensitive value)");
    expect(loaded.digests.get(afterOf(loaded.doc), "password")).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("are not computed when the reader says it will not compare secrets, and the value is still redacted", () => {
    const loaded = parseDocument("p", bytes(withSecret), { digestSecrets: false });
    expect(afterOf(loaded.doc)["password"]).toBe("(sensitive value)");
    expect(loaded.digests.get(afterOf(loaded.doc), "password")).toBeUndefined();
  });
});
