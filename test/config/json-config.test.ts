import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../src/config/config.js";

/**
 * A config written as JSON is read with JSON.parse when there is nothing to say about it, and the
 * YAML parser places its values only when a message asks (src/config/config.ts). What a user sees
 * must not depend on that: the same config, the same lines, the same messages.
 */
const JSON_CONFIG = `{
  "gpu": {
    "max_total": 8,
    "allowed_models": ["A100", "H100"]
  },
  "waivers": [
    { "rule": "PG-AWS-EBS-001", "reason": "scratch", "expires": "2099-01-31" }
  ]
}
`;
const SAME_AS_YAML = `gpu:
  max_total: 8
  allowed_models: [A100, H100]
waivers:
  - rule: PG-AWS-EBS-001
    reason: scratch
    expires: "2099-01-31"
`;

describe("a config written as JSON", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-json-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const written = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("reads as the same config written as YAML", () => {
    expect(parseConfig("c.json", JSON_CONFIG)).toEqual(parseConfig("c.yaml", SAME_AS_YAML));
    // Windows line ends and tabs are JSON's white space, and YAML's.
    expect(parseConfig("c.json", JSON_CONFIG.replace(/\n/g, "\r\n").replace(/ {2}/g, "\t"))).toEqual(
      parseConfig("c.yaml", SAME_AS_YAML),
    );
  });

  it("places each value at its line when a message asks, as a YAML config does", async () => {
    const { source } = await loadConfig(written("c.json", JSON_CONFIG));
    expect(source?.placeOf(["waivers", 0])).toBe(`${path.join(dir, "c.json")}:7`);
    expect(source?.lineOf(["gpu", "allowed_models"])).toBe(4);
    expect(source?.lineOf(["gpu"])).toBe(2);
    expect(source?.lineOf(["rules"])).toBeUndefined();
    expect(source?.placeOf(["rules"])).toBe(path.join(dir, "c.json"));
    const yaml = await loadConfig(written("c.yaml", SAME_AS_YAML));
    expect(yaml.source?.lineOf(["waivers", 0])).toBe(5);
  });

  it("names the line of a mistake, as the YAML parser places it", () => {
    const wrongType = JSON_CONFIG.replace('"max_total": 8', '"max_total": "eight"');
    expect(() => parseConfig("c.json", wrongType)).toThrow(/^c\.json:3: "gpu\.max_total" must be (integer|number)/);
    expect(() => parseConfig("c.json", JSON_CONFIG.replace('"gpu"', '"gpus"'))).toThrow(
      /^c\.json:2: unknown key "gpus"/,
    );
    expect(() => parseConfig("c.json", JSON_CONFIG.replace("2099-01-31", "2099-02-30"))).toThrow(
      'c.json:7: waivers[0].expires "2099-02-30" is not a date (YYYY-MM-DD)',
    );
    expect(() => parseConfig("c.json", '{\n  "environment": "prod"\n}')).toThrow(
      /^c\.json: "environment" is set to "prod" but there is no "environments" block/,
    );
  });

  it("is refused where the YAML parser refuses it, though JSON.parse would take it", () => {
    // JSON.parse keeps the last of two equal keys; YAML refuses the map.
    expect(() => parseConfig("c.json", '{"gpu": {"max_total": 1, "max_total": 2}}')).toThrow(
      "c.json: invalid YAML: Map keys must be unique",
    );
    expect(() => parseConfig("c.json", '{"gpu": {"max_total": 1}, "gpu": {"max_total": 2}}')).toThrow(
      "c.json: invalid YAML: Map keys must be unique",
    );
    // A key written twice, each time inside a string that looks like a key, is no duplicate.
    const quoting = '{"waivers": [{"rule": "R", "reason": "\\"gpu\\": 1, \\"gpu\\":"}], "gpu": {"max_total": 1}}';
    expect(parseConfig("c.json", quoting)).toEqual({
      waivers: [{ rule: "R", reason: '"gpu": 1, "gpu":' }],
      gpu: { max_total: 1 },
    });
    // A lone carriage return breaks a YAML line where JSON sees white space.
    expect(() => parseConfig("c.json", '{\r  "gpu": {"max_total": 8}\r}')).toThrow(/^c\.json: invalid YAML/);
  });

  it("reads as YAML what is not a JSON object", () => {
    expect(parseConfig("c.json", "null")).toEqual({});
    expect(parseConfig("c.json", "")).toEqual({});
    expect(() => parseConfig("c.json", "[1]")).toThrow(/^c\.json(:1)?: the top level must be object/);
    expect(parseConfig("c.json", '{"gpu": {max_total: 1},}')).toEqual({ gpu: { max_total: 1 } });
    expect(() => parseConfig("c.json", '{"gpu": {"max_total": 1}')).toThrow(/^c\.json: invalid YAML/);
  });
});
