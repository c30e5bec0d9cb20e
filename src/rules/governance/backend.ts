import path from "node:path";
import { fail, modelRule, unknown, type Outcome, type RuleContext } from "../../policy/rule.js";
import type { RootBackend } from "../../governance/backend.js";
import { currentEnvironment, foreignOwner } from "./common.js";

/**
 * State that can be trusted: the root module's backend, read from its .tf
 * files (the plan does not carry it). Silent when the scan has no sources.
 * Settings missing from a partial configuration (`backend "s3" {}` completed
 * by `terraform init -backend-config=...`) are undecided, not failed.
 */

type Declared = Extract<RootBackend, { kind: "backend" }>;

function where(b: Declared): string {
  return `${path.basename(b.file)}:${b.line}`;
}

/** A backend block without its location settings is completed at init: what it leaves out is not known here. */
function isPartial(b: Declared): boolean {
  const location = b.type === "s3" || b.type === "gcs" ? "bucket" : b.type === "azurerm" ? "storage_account_name" : undefined;
  return location !== undefined && !b.written.has(location);
}

function s3Backend(ctx: RuleContext): Declared | undefined {
  const b = ctx.backend;
  return b?.kind === "backend" && b.type === "s3" ? b : undefined;
}

export const localState = modelRule({
  id: "PG-GOV-011",
  title: "State kept in a local file",
  description:
    "A root module with `backend \"local\"`, or, once the config declares `environments`, one without a `backend` or `cloud` block, keeps its state in a file on the machine that ran it: in CI that file is lost with the runner, nothing locks it against a concurrent apply, and nothing versions or encrypts it. A module with no backend block at all is only judged for a declared environment: before that, planguard cannot tell a deployed root module from a module run locally or as an example.",
  severity: "high",
  category: "governance",
  remediation: "Declare a remote backend (s3 with encryption and locking, gcs, azurerm) or HCP Terraform's `cloud` block.",
  check(ctx) {
    const b = ctx.backend;
    if (!b) return;
    // Without declared environments, a module without any backend block may be a local experiment or an example: not judged.
    if (b.kind === "none" && ctx.config.environments === undefined) return;
    if (b.kind === "none") return fail("The root module declares no backend: state is a local terraform.tfstate file.", "terraform.backend");
    if (b.kind === "backend" && b.type === "local") return fail(`The root module uses backend "local" (${where(b)}): state is a file on the runner.`, "terraform.backend.local");
  },
});

export const s3BackendUnencrypted = modelRule({
  id: "PG-GOV-012",
  title: "S3 backend without encryption",
  description:
    "State holds every secret the configuration touches. The S3 backend's `encrypt = true` makes it write state with server-side encryption (and `kms_key_id` with a customer key) regardless of the bucket's defaults.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  remediation: "Set `encrypt = true` (and `kms_key_id`) in the `backend \"s3\"` block.",
  check(ctx) {
    const b = s3Backend(ctx);
    if (!b) return;
    if (b.settings["encrypt"] === true) return;
    if (b.written.has("encrypt") && b.settings["encrypt"] === undefined) return unknown(`The S3 backend's encrypt (${where(b)}) is not a constant.`, "terraform.backend.s3.encrypt");
    if (!b.written.has("encrypt") && isPartial(b)) return unknown(`The S3 backend (${where(b)}) is completed at init; whether it sets encrypt is not known here.`, "terraform.backend.s3.encrypt");
    return fail(`The S3 backend (${where(b)}) does not set encrypt = true.`, "terraform.backend.s3.encrypt");
  },
});

export const s3BackendUnlocked = modelRule({
  id: "PG-GOV-013",
  title: "S3 backend without state locking",
  description:
    "Without `use_lockfile = true` (Terraform 1.10+) or a `dynamodb_table`, two pipelines can apply against the same state at once and corrupt it.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  remediation: "Set `use_lockfile = true` in the `backend \"s3\"` block (or `dynamodb_table` on older Terraform).",
  check(ctx) {
    const b = s3Backend(ctx);
    if (!b) return;
    if (b.settings["use_lockfile"] === true || b.written.has("dynamodb_table")) return;
    if (b.written.has("use_lockfile") && b.settings["use_lockfile"] === undefined) return unknown(`The S3 backend's use_lockfile (${where(b)}) is not a constant.`, "terraform.backend.s3.use_lockfile");
    if (isPartial(b)) return unknown(`The S3 backend (${where(b)}) is completed at init; whether it locks state is not known here.`, "terraform.backend.s3.use_lockfile");
    return fail(`The S3 backend (${where(b)}) has no state locking (use_lockfile or dynamodb_table).`, "terraform.backend.s3.use_lockfile");
  },
});

const LOCATION_SETTING: Record<string, string> = { s3: "bucket", gcs: "bucket", azurerm: "storage_account_name" };

export const sharedBackend = modelRule({
  id: "PG-GOV-014",
  title: "Backend stores state in another environment's bucket",
  description:
    "A root module for one environment whose backend bucket (or Azure storage account) is one `environments.<name>.state_buckets` declares for another environment shares that environment's state store: whoever can apply here can read, and overwrite, the other environment's state.",
  severity: "critical",
  category: "governance",
  remediation: "Give each environment its own state bucket (or storage account), with access limited to that environment's CI role.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    const b = ctx.backend;
    if (!env || b?.kind !== "backend") return;
    const setting = LOCATION_SETTING[b.type];
    if (!setting) return;
    const attribute = `terraform.backend.${b.type}.${setting}`;
    const bucket = b.settings[setting];
    if (typeof bucket !== "string") {
      return b.written.has(setting) || isPartial(b) ? unknown(`The ${b.type} backend's ${setting} (${where(b)}) is set at init or computed: which environment's bucket it is is not known here.`, attribute) : undefined;
    }
    const owner = foreignOwner(ctx.config, env, "state_bucket", bucket);
    const outcomes: Outcome[] = [];
    if (owner) outcomes.push(fail(`The ${b.type} backend (${where(b)}) of this ${env.name} configuration keeps state in ${bucket}, ${owner}'s state bucket.`, attribute));
    return outcomes;
  },
});

export const backendRules = [localState, s3BackendUnencrypted, s3BackendUnlocked, sharedBackend];
