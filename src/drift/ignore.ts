import type { PathStep } from "../plan/paths.js";

/**
 * Attributes that change on their own (timestamps, etags, provider-computed
 * fingerprints) are not drift anyone acted on. `drift.ignore` in the config
 * names them per resource type; "*" applies to every type. A type key may use
 * `*` as a wildcard (`google_*`). Each entry is a dotted attribute path
 * (`tags_all`, `tags.LastScanned`, `ingress.*.description`); it ignores that
 * attribute and everything beneath it. In a path, `*` inside a step matches
 * any characters of that step, so `*` alone matches any key or list index.
 */

export type IgnoreConfig = Record<string, readonly string[]>;

/**
 * The defaults, used unless `drift.default_ignore: false`. Only attributes
 * whose change carries no information of its own: the service stamps them
 * on every write, and the write that matters shows up in another attribute.
 */
const DEFAULT_DRIFT_IGNORE: IgnoreConfig = {
  "*": [
    "last_modified",
    "last_modified_date",
    "last_modified_time",
    "last_updated",
    "updated_at",
    "update_time",
    "etag",
  ],
  "google_*": ["label_fingerprint", "metadata_fingerprint", "tags_fingerprint", "fingerprint"],
};

export class DriftIgnore {
  private readonly entries: { type: RegExp; path: RegExp[] }[] = [];

  constructor(config: IgnoreConfig | undefined, useDefaults = true) {
    for (const source of useDefaults ? [DEFAULT_DRIFT_IGNORE, config ?? {}] : [config ?? {}]) {
      for (const [type, paths] of Object.entries(source)) {
        for (const p of paths) this.entries.push({ type: glob(type), path: p.split(".").map(glob) });
      }
    }
  }

  /** Whether a change at these steps of a resource of this type is ignored. */
  ignores(type: string, steps: readonly PathStep[]): boolean {
    return this.entries.some(
      (e) => e.type.test(type) && e.path.length <= steps.length && e.path.every((re, i) => re.test(String(steps[i]))),
    );
  }
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
}
