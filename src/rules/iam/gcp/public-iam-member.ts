import { referencesFrom, type Model, type Resource } from "../../../plan/model.js";
import { fail, resourceRule, unknown, type Outcome } from "../../../policy/rule.js";
import { CIS_GCP } from "../../frameworks.js";
import { readAttribute } from "../../read.js";

/** IAM resource types of the google provider: google_<thing>_iam_member / _binding / _policy. */
const GOOGLE_IAM_TYPE = /^google_[a-z0-9_]+_iam_(member|binding|policy)$/;

type GoogleIamKind = "member" | "binding" | "policy";

const iamKinds = new Map<string, GoogleIamKind | undefined>();

function googleIamKind(type: string): GoogleIamKind | undefined {
  // Asked for every IAM resource of a plan, about a few types: the regex runs once per type.
  if (iamKinds.has(type)) return iamKinds.get(type);
  const m = GOOGLE_IAM_TYPE.exec(type);
  const kind = m ? (m[1] as GoogleIamKind) : undefined;
  if (iamKinds.size >= 1000) iamKinds.clear();
  iamKinds.set(type, kind);
  return kind;
}

/** The public members: allUsers and allAuthenticatedUsers (compared directly, no hashing of every member). */
const isPublicMember = (m: string): boolean => m === "allUsers" || m === "allAuthenticatedUsers";

function publicMembersOf(members: unknown): string[] {
  const list = Array.isArray(members) ? members : [members];
  const out: string[] = [];
  for (const m of list) if (typeof m === "string" && isPublicMember(m)) out.push(m);
  return out;
}

export const gcpPublicIamMember = resourceRule({
  id: "PG-GCP-IAM-001",
  title: "IAM grants a role to allUsers or allAuthenticatedUsers",
  description:
    "`allUsers` is anyone on the internet and `allAuthenticatedUsers` is anyone with a Google account; a role granted to either makes the resource (a dataset bucket, a model endpoint) public.",
  severity: "critical",
  category: "iam",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GOOGLE_IAM_TYPE,
  compliance: [
    { framework: CIS_GCP, control: "5.1" },
    { framework: CIS_GCP, control: "7.1" },
  ],
  aliases: ["AVD-GCP-0001", "CKV_GCP_28", "CKV_GCP_98", "CKV_GCP_100", "CKV_GCP_101", "CKV_GCP_102", "CKV_GCP_112"],
  narrower: ["CKV_GCP_107", "CKV2_GCP_6", "CKV2_GCP_8"],
  remediation:
    "Grant the role to specific users, groups or service accounts; serve public content through a CDN or signed URLs instead.",
  check(r, { model }) {
    const kind = googleIamKind(r.type);
    if (!kind) return;
    const attribute = kind === "member" ? "member" : kind === "binding" ? "members" : "policy_data";
    const reading = readAttribute(model, r, attribute);
    if (reading.state === "unknown") {
      // A member taken from another resource (a service account's `member` or `email`) is never public.
      if (reading.references.length > 0 || !reading.configured) return;
      return unknown("The members are known only after apply.", attribute);
    }
    if (reading.state !== "known") return;
    const out: Outcome[] = [];
    if (kind === "policy") {
      for (const binding of bindingsOf(reading.value)) {
        const pub = publicMembersOf(binding.members);
        if (pub.length > 0) out.push(fail(`${r.address} grants ${binding.role} to ${pub.join(" and ")}.`, attribute));
      }
      return out;
    }
    const pub = publicMembersOf(reading.value);
    const role = typeof r.after?.["role"] === "string" ? r.after["role"] : "a role";
    if (pub.length > 0)
      out.push({
        ...fail(`${r.address} grants ${role} to ${pub.join(" and ")}.`, attribute),
        aliases: narrowerIds(model, r, pub),
      });
    return out;
  },
});

/**
 * The narrower checks a member or binding finding also is. Checkov's
 * CKV_GCP_107 fails a Cloud Functions (1st gen) IAM member that is allUsers,
 * nothing else. Its CKV2_GCP_6 and CKV2_GCP_8 fail the crypto key or key ring
 * that a public member or binding is connected to in its graph (the IAM
 * resource refers to a key or ring of the configuration); the exposure is
 * this finding, reported on the grant instead of the key.
 */
function narrowerIds(model: Model, r: Resource, publicMembers: readonly string[]): string[] {
  const ids: string[] = [];
  if (r.type === "google_cloudfunctions_function_iam_member" && publicMembers.includes("allUsers"))
    ids.push("CKV_GCP_107");
  const kms = KMS_GRAPH_CHECKS.get(r.type);
  if (kms && referencesFrom(model, r, kms.attribute).some((ref) => kms.target.test(ref.to))) ids.push(kms.id);
  return ids;
}

const KMS_GRAPH_CHECKS = new Map<string, { id: string; attribute: string; target: RegExp }>([
  [
    "google_kms_crypto_key_iam_member",
    { id: "CKV2_GCP_6", attribute: "crypto_key_id", target: /(^|\.)google_kms_crypto_key\.[^.]+$/ },
  ],
  [
    "google_kms_crypto_key_iam_binding",
    { id: "CKV2_GCP_6", attribute: "crypto_key_id", target: /(^|\.)google_kms_crypto_key\.[^.]+$/ },
  ],
  [
    "google_kms_key_ring_iam_member",
    { id: "CKV2_GCP_8", attribute: "key_ring_id", target: /(^|\.)google_kms_key_ring\.[^.]+$/ },
  ],
  [
    "google_kms_key_ring_iam_binding",
    { id: "CKV2_GCP_8", attribute: "key_ring_id", target: /(^|\.)google_kms_key_ring\.[^.]+$/ },
  ],
]);

function bindingsOf(policyData: unknown): { role: string; members: unknown }[] {
  if (typeof policyData !== "string") return [];
  try {
    const doc = JSON.parse(policyData) as { bindings?: unknown };
    if (!Array.isArray(doc.bindings)) return [];
    return doc.bindings
      .filter((b): b is Record<string, unknown> => !!b && typeof b === "object")
      .map((b) => ({ role: typeof b["role"] === "string" ? b["role"] : "a role", members: b["members"] }));
  } catch {
    return [];
  }
}
