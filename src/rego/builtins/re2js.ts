import { createRequire } from "node:module";
import type * as RE2JSModule from "re2js";

/**
 * re2js (the regex and glob builtins' engine), loaded at its first use: its
 * module's initialization (Unicode tables, class set-up) ran at every start,
 * and most plans' policies match no regular expression. The command line's
 * and the Action's bundles define `require` and bundle this literal
 * `require("re2js")`, lazily; the ES modules of dist/ make one.
 */
function loadRe2js(): typeof RE2JSModule {
  if (typeof require === "function") return require("re2js") as typeof RE2JSModule;
  return createRequire(import.meta.url)("re2js") as typeof RE2JSModule;
}

let loaded: typeof RE2JSModule | undefined;

/** The RE2JS class. */
export const re2js = (): typeof RE2JSModule.RE2JS => (loaded ??= loadRe2js()).RE2JS;
