import type { RootBackend } from "../../governance/backend.js";
import type { RuleContext } from "../../policy/rule.js";
import path from "node:path";

/**
 * State that can be trusted: the root module's backend, read from its .tf
 * files (the plan does not carry it). Silent when the scan has no sources.
 * Settings missing from a partial configuration (`backend "s3" {}` completed
 * by `terraform init -backend-config=...`) are undecided, not failed.
 */

type Declared = Extract<RootBackend, { kind: "backend" }>;

export function where(b: Declared): string {
  return `${path.basename(b.file)}:${b.line}`;
}

/** A backend block without its location settings is completed at init: what it leaves out is not known here. */
export function isPartial(b: Declared): boolean {
  const location =
    b.type === "s3" || b.type === "gcs" ? "bucket" : b.type === "azurerm" ? "storage_account_name" : undefined;
  return location !== undefined && !b.written.has(location);
}

export function s3Backend(ctx: RuleContext): Declared | undefined {
  const b = ctx.backend;
  return b?.kind === "backend" && b.type === "s3" ? b : undefined;
}
