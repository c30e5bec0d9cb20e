import { gunzipSync } from "node:zlib";
import { loadPolicy } from "@open-policy-agent/opa-wasm";
import { InputError } from "../input-error.js";
import { readBytesUpTo } from "../plan/read-bounded.js";
import type { Model } from "../plan/model.js";
import type { EvaluationResult } from "./evaluate.js";
import { toFinding } from "./finding.js";
import { conftestKind, conftestResults } from "./rego/conftest.js";
import { regoRuleMetadata } from "./rego/metadata.js";
import type { RuleSelection } from "./select.js";
import type { RuleMetadata } from "./types.js";
import type { Value } from "../rego/value.js";

/**
 * Policies pre-compiled with `opa build -t wasm`, evaluated by OPA's own
 * wasm runtime (@open-policy-agent/opa-wasm) under the same conftest
 * contract: every entrypoint whose last segment is deny, violation or warn
 * (with an optional suffix) yields findings. A bundle is either the
 * `policy.wasm` itself or the `bundle.tar.gz` that opa build writes (its
 * policy.wasm and data.json are used).
 */
export interface WasmPolicy {
  file: string;
  rules: { meta: RuleMetadata; entrypoint: string }[];
  evaluate(model: Model, selection: RuleSelection): EvaluationResult;
}

interface LoadedWasm {
  entrypoints: Record<string, number>;
  setData(data: unknown): void;
  evaluate(input: unknown, entrypoint: string | number): { result: unknown }[];
}

/**
 * Bounds on a bundle, which may come with the pull request: the file read,
 * and what it unpacks to (a 21 MB gzip bomb inflates to 5 GB). OPA's wasm
 * bundles are a few MB; the bounds leave room for large data.json files.
 */
const MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_BUNDLE_UNPACKED_BYTES = 128 * 1024 * 1024;

export async function loadWasmBundle(file: string): Promise<WasmPolicy> {
  const bytes = await readBytesUpTo(file, MAX_BUNDLE_FILE_BYTES, "a bundle");
  const { wasm, data } = file.endsWith(".wasm") ? { wasm: bytes, data: undefined } : unpackBundle(file, bytes);
  let policy: LoadedWasm;
  try {
    policy = (await loadPolicy(wasm)) as unknown as LoadedWasm;
  } catch (err) {
    throw new InputError(
      file,
      `not a policy compiled with \`opa build -t wasm\`: ${(err as Error).message.split("\n")[0]}`,
    );
  }
  if (data !== undefined) policy.setData(data);
  const rules: WasmPolicy["rules"] = [];
  for (const entrypoint of Object.keys(policy.entrypoints)) {
    const parts = entrypoint.split("/");
    const name = parts[parts.length - 1]!;
    const kind = conftestKind(name);
    if (!kind) continue;
    const pkg = { path: parts.slice(0, -1).join("."), file, rules: [] };
    rules.push({ meta: { ...regoRuleMetadata(pkg, name, kind.kind, undefined), language: "wasm" }, entrypoint });
  }
  if (rules.length === 0)
    throw new InputError(file, "the bundle has no deny, violation or warn entrypoint (build it with -e main/deny ...)");
  return {
    file,
    rules,
    evaluate(model, selection) {
      const out: EvaluationResult = { findings: [], failures: [] };
      for (const rule of rules) {
        if (!selection.isEnabled(rule.meta)) continue;
        try {
          const results = policy.evaluate(model.document, rule.entrypoint);
          for (const r of results) {
            for (const c of conftestResults(r.result as Value)) {
              const resource = c.resource ? model.byAddress(c.resource) : undefined;
              const outcome = {
                kind: "fail" as const,
                message: c.msg,
                ...(c.attribute ? { attribute: c.attribute } : {}),
                ...(c.aliases ? { aliases: c.aliases } : {}),
                ...(resource ? { resource } : {}),
              };
              const finding = toFinding(rule.meta, outcome, model.file, c.severity ?? selection.severityOf(rule.meta));
              if (selection.keepsFinding(rule.meta, finding)) out.findings.push(finding);
            }
          }
        } catch (err) {
          out.failures.push({
            ruleId: rule.meta.id,
            origin: `${file} (${rule.entrypoint})`,
            message: (err as Error).message,
          });
        }
      }
      return out;
    },
  };
}

/** The policy.wasm and data.json of a bundle.tar.gz (a ustar archive). */
function unpackBundle(file: string, bytes: Buffer): { wasm: Buffer; data: unknown } {
  let tar: Buffer;
  try {
    // Inflation stops at the bound instead of filling memory.
    tar = gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_UNPACKED_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new InputError(file, `the bundle unpacks to more than ${MAX_BUNDLE_UNPACKED_BYTES} bytes, over the limit`);
    }
    throw new InputError(
      file,
      "not a gzip archive: give the policy.wasm or the bundle.tar.gz that `opa build -t wasm` writes",
    );
  }
  let wasm: Buffer | undefined;
  let data: unknown;
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    // The size is octal digits (ustar); anything else (a sign, base-256) or a body past the end is a broken archive,
    // and a negative size would walk the loop backwards for ever.
    const sizeField = header.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim() || "0";
    const size = /^[0-7]+$/.test(sizeField) ? parseInt(sizeField, 8) : NaN;
    if (!Number.isSafeInteger(size) || off + 512 + size > tar.length) {
      throw new InputError(
        file,
        `the bundle's tar archive is corrupt: the entry at byte ${off} has the size field ${JSON.stringify(sizeField)}`,
      );
    }
    const body = tar.subarray(off + 512, off + 512 + size);
    const base = name.replace(/^\.?\//, "");
    if (base === "policy.wasm" || base.endsWith("/policy.wasm")) wasm = Buffer.from(body);
    if (base === "data.json") {
      try {
        data = JSON.parse(body.toString("utf8"));
      } catch {
        throw new InputError(file, "the bundle's data.json is not valid JSON");
      }
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  if (!wasm) throw new InputError(file, "the bundle holds no policy.wasm (build it with `opa build -t wasm`)");
  return { wasm, data };
}
