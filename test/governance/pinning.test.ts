import { describe, expect, it } from "vitest";
import { mutability, parseImage } from "../../src/rules/governance/images.js";
import { gitRef, hasUpperBound, isPinnedRef, isRegistrySource } from "../../src/rules/governance/reproducibility.js";

describe("version constraints", () => {
  it("counts ~>, =, <, <= and bare versions as an upper bound", () => {
    for (const c of ["~> 5.70", "= 1.2.3", "1.2.3", ">= 5.0, < 6.0", "<= 4.9"]) expect(hasUpperBound(c)).toBe(true);
  });
  it("does not count >=, > or != alone", () => {
    for (const c of [">= 4.0", "> 3", ">= 4.0, != 4.5.0"]) expect(hasUpperBound(c)).toBe(false);
  });
});

describe("module sources", () => {
  it("tells registry addresses from git, local and archive sources", () => {
    expect(isRegistrySource("terraform-aws-modules/vpc/aws")).toBe(true);
    expect(isRegistrySource("app.terraform.io/acme/network/aws//modules/vpc")).toBe(true);
    expect(isRegistrySource("./modules/vpc")).toBe(false);
    expect(isRegistrySource("git::https://github.com/acme/vpc.git")).toBe(false);
    expect(isRegistrySource("github.com/acme/vpc")).toBe(false);
    expect(isRegistrySource("s3::https://s3.amazonaws.com/acme/vpc.zip")).toBe(false);
  });
  it("reads the ref and accepts release tags and full commits only", () => {
    expect(gitRef("git::https://github.com/acme/vpc.git//sub?ref=v1.4.2")).toBe("v1.4.2");
    expect(gitRef("git::https://github.com/acme/vpc.git")).toBeUndefined();
    expect(isPinnedRef("v1.4.2")).toBe(true);
    expect(isPinnedRef("2.0")).toBe(true);
    expect(isPinnedRef("3f2c1a9b8e7d6c5b4a39281706f5e4d3c2b1a098")).toBe(true);
    expect(isPinnedRef("main")).toBe(false);
    expect(isPinnedRef("3f2c1a9")).toBe(false);
  });
});

describe("container image references", () => {
  it("does not take a registry port for a tag", () => {
    expect(parseImage("registry.local:5000/team/app")).toEqual({});
    expect(parseImage("registry.local:5000/team/app:1.0")).toEqual({ tag: "1.0" });
  });
  it("calls :latest and untagged images mutable, a digest never", () => {
    expect(mutability("nginx", false)).toMatch(/no tag/);
    expect(mutability("nginx:latest", false)).toMatch(/:latest/);
    expect(mutability("nginx:1.27", false)).toBeUndefined();
    expect(mutability("nginx:1.27", true)).toMatch(/digest/);
    expect(mutability(`nginx:latest@sha256:${"b".repeat(64)}`, true)).toBeUndefined();
  });
});
