/**
 * Account- and region-level settings that the same plan (or state) manages
 * and that change what a resource's own defaults mean: EBS encryption by
 * default makes every new volume encrypted; an account public access block
 * protects every bucket. Looked up once per model.
 */
import type { Model, Resource } from "../plan/model.js";
import { readAttribute } from "./read.js";

/** "on": the setting holds; "off": it is managed and off; "unknown": known only after apply; "absent": not in the plan. */
export type SettingState = "on" | "off" | "unknown" | "absent";

const cache = new WeakMap<Model, Map<string, SettingState>>();

function memo(model: Model, key: string, compute: () => SettingState): SettingState {
  let byKey = cache.get(model);
  if (!byKey) cache.set(model, (byKey = new Map()));
  let hit = byKey.get(key);
  if (hit === undefined) byKey.set(key, (hit = compute()));
  return hit;
}

function ofType(model: Model, type: string): Resource[] {
  return model.resources.filter((r) => r.type === type && r.willExist && r.mode === "managed");
}

/** Every attribute true in one of the resources (each read with the provider's default when left out). */
export function allTrue(model: Model, resources: readonly Resource[], attributes: readonly string[]): SettingState {
  if (resources.length === 0) return "absent";
  let unknown = false;
  for (const r of resources) {
    let on = true;
    for (const a of attributes) {
      const reading = readAttribute(model, r, a);
      if (reading.state === "unknown") unknown = true;
      else if (!(reading.state === "known" && reading.value === true)) on = false;
    }
    if (on && !unknown) return "on";
  }
  return unknown ? "unknown" : "off";
}

/** aws_ebs_encryption_by_default: whether new EBS volumes are encrypted whatever they say. */
export function ebsEncryptionByDefault(model: Model): SettingState {
  return memo(model, "ebs", () => allTrue(model, ofType(model, "aws_ebs_encryption_by_default"), ["enabled"]));
}

export const PUBLIC_ACCESS_BLOCK_SETTINGS = [
  "block_public_acls",
  "block_public_policy",
  "ignore_public_acls",
  "restrict_public_buckets",
] as const;

/** aws_s3_account_public_access_block with all four settings on: no bucket in the account can be made public. */
export function s3AccountPublicAccessBlock(model: Model): SettingState {
  return memo(model, "s3", () =>
    allTrue(model, ofType(model, "aws_s3_account_public_access_block"), PUBLIC_ACCESS_BLOCK_SETTINGS),
  );
}
