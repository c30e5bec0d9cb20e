import type { Resource } from "../../plan/model.js";
import { fail, resourceRule, unknown, type Outcome, type RuleContext } from "../../policy/rule.js";
import { readAttribute } from "../read.js";
import { currentEnvironment, stringLeaves, unknownPaths } from "./common.js";

/**
 * Container images by mutable reference. `:latest`, or no tag at all, names
 * whatever was pushed last: a rebuild or a scale-out runs different code.
 * Environments with `require_image_digest: true` also refuse fixed tags,
 * which a registry without tag immutability lets anyone overwrite.
 */

export interface ImageReference {
  tag?: string;
  digest?: string;
}

/** Splits `registry:5000/repo/name:tag@sha256:...`; the registry's port is not a tag. */
export function parseImage(image: string): ImageReference {
  const [nameAndTag, digest] = image.split("@", 2) as [string, string | undefined];
  const lastSlash = nameAndTag.lastIndexOf("/");
  const colon = nameAndTag.indexOf(":", lastSlash + 1);
  const out: ImageReference = {};
  if (colon >= 0) out.tag = nameAndTag.slice(colon + 1);
  if (digest !== undefined) out.digest = digest;
  return out;
}

/** Why an image reference is not reproducible, or undefined when it is. */
export function mutability(image: string, requireDigest: boolean): string | undefined {
  const ref = parseImage(image);
  if (ref.digest && /^sha256:[0-9a-f]{64}$/.test(ref.digest)) return undefined;
  if (ref.tag === undefined || ref.tag === "") return "has no tag (it means :latest)";
  if (ref.tag === "latest") return "uses the tag :latest";
  return requireDigest
    ? `uses the tag :${ref.tag} without an @sha256: digest, which this environment requires`
    : undefined;
}

interface ImageSlot {
  path: string;
  image: string;
}

/** Image strings in a JSON document attribute (ECS container definitions, Batch container properties). */
function imagesInJson(r: Resource, ctx: RuleContext, attribute: string): ImageSlot[] | "unknown" {
  const v = readAttribute(ctx.model, r, attribute);
  if (v.state === "unknown") return v.configured ? "unknown" : [];
  if (v.state !== "known" || typeof v.value !== "string") return [];
  let doc: unknown;
  try {
    doc = JSON.parse(v.value);
  } catch {
    return [];
  }
  const list = Array.isArray(doc) ? doc : [doc];
  // The image sits inside a JSON string: the finding points at the attribute, which the .tf locator can find.
  return list.flatMap((c) =>
    c && typeof c === "object" && typeof (c as Record<string, unknown>)["image"] === "string"
      ? [{ path: attribute, image: (c as Record<string, string>)["image"]! }]
      : [],
  );
}

function judgeImages(
  r: Resource,
  ctx: RuleContext,
  slots: ImageSlot[] | "unknown",
  pending: readonly string[],
  attribute: string,
): Outcome[] {
  const env = currentEnvironment(ctx);
  const requireDigest = env?.declaration.require_image_digest === true;
  if (slots === "unknown")
    return [unknown(`The container images in ${attribute} are known only after apply.`, attribute)];
  const out: Outcome[] = [];
  for (const slot of slots) {
    const why = mutability(slot.image, requireDigest);
    if (why) out.push(fail(`${r.address} runs image ${slot.image}, which ${why}.`, slot.path));
  }
  for (const path of pending) out.push(unknown(`The image in ${path} is known only after apply.`, path));
  return out;
}

/** Images at string leaves whose path matches, and the matching paths still unknown. */
function imagesAt(r: Resource, pattern: RegExp): { slots: ImageSlot[]; pending: string[] } {
  return {
    slots: stringLeaves(r)
      .filter((l) => pattern.test(l.path))
      .map((l) => ({ path: l.path, image: l.value })),
    pending: unknownPaths(r).filter((p) => pattern.test(p)),
  };
}

export function leafImageRule(input: {
  id: string;
  title: string;
  description: string;
  providers: string[];
  types: string[];
  pattern: RegExp;
  remediation: string;
}) {
  return resourceRule({
    id: input.id,
    title: input.title,
    description: input.description,
    severity: "medium",
    category: "governance",
    providers: input.providers,
    resourceTypes: input.types,
    remediation: input.remediation,
    check(r, ctx) {
      const { slots, pending } = imagesAt(r, input.pattern);
      return judgeImages(r, ctx, slots, pending, "image");
    },
  });
}

export const DIGEST_REMEDY =
  "Pin the image by digest (`repo@sha256:...`), or at least by an immutable release tag in a repository with tag immutability.";

export function jsonImageRule(id: string, title: string, description: string, type: string, attribute: string) {
  return resourceRule({
    id,
    title,
    description,
    severity: "medium",
    category: "governance",
    providers: ["aws"],
    resourceTypes: [type],
    remediation: DIGEST_REMEDY,
    check: (r, ctx) => judgeImages(r, ctx, imagesInJson(r, ctx, attribute), [], attribute),
  });
}
