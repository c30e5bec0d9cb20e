import { describe, expect, it } from "vitest";
import { compileModules } from "../../src/rego/index.js";

function membersRead(text: string): ReadonlySet<string> | "whole" {
  return compileModules([{ file: "p.rego", text }]).inputMembersRead();
}

describe("which input members policies read", () => {
  it("collects the first key of every reference into input, in heads, bodies, comprehensions and every", () => {
    const read = membersRead(`package p
import input.configuration as cfg
deny contains msg if {
  some r in input.resource_changes
  msg := r.address
}
names := [n | n := input.variables[_].value]
ok if { every o in object.keys(input.output_changes) { o != "" } }
m := cfg.root_module
`);
    expect(read).toEqual(new Set(["resource_changes", "variables", "output_changes", "configuration"]));
  });

  it("says whole when input is used as a value or indexed by a variable", () => {
    expect(membersRead(`package p\nx := input`)).toBe("whole");
    expect(membersRead(`package p\nx contains k if { input[k] }`)).toBe("whole");
    expect(membersRead(`package p\nx := count([y | walk(input, y)])`)).toBe("whole");
    expect(membersRead(`package p\nf(v) := v\nx := f(input)`)).toBe("whole");
  });

  it("finds nothing in policies that read only data", () => {
    expect(membersRead(`package p\nx := data.planguard.resources`)).toEqual(new Set());
  });
});
