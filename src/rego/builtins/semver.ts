/** semver.is_valid and semver.compare, per Semantic Versioning 2.0.0 (no "v" prefix). */
import type { Value } from "../value.js";
import { builtinError, def, str } from "./args.js";
import type { BuiltinDef } from "./types.js";

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

interface Version {
  core: [bigint, bigint, bigint];
  pre: string[];
}

function parse(s: string): Version | undefined {
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return { core: [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)], pre: m[4] ? m[4].split(".") : [] };
}

function cmpIdent(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (na !== nb) return na ? -1 : 1; // numeric identifiers sort first
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i]! < b.core[i]! ? -1 : 1;
  // A pre-release sorts before its release; build metadata is ignored.
  if (a.pre.length === 0 || b.pre.length === 0)
    return b.pre.length - a.pre.length === 0 ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const c = cmpIdent(a.pre[i]!, b.pre[i]!);
    if (c !== 0) return c;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

function versionArg(args: Value[], i: number): Version {
  const s = str("semver.compare", args, i);
  const v = parse(s);
  if (v === undefined)
    throw builtinError("semver.compare", `operand ${i + 1}: string ${JSON.stringify(s)} is not a valid SemVer`);
  return v;
}

export const semverBuiltins: readonly BuiltinDef[] = [
  def("semver.is_valid", 1, (args) => typeof args[0] === "string" && parse(args[0]) !== undefined),
  def("semver.compare", 2, (args) => compareVersions(versionArg(args, 0), versionArg(args, 1))),
];
