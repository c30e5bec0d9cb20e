/**
 * Paths into resource attributes: "ingress.0.cidr_blocks" or
 * ["ingress", 0, "cidr_blocks"]. The same path walks a value, its
 * after_unknown mask and its sensitivity mask, which mirror its shape.
 */

export type PathStep = string | number;
export type AttributePath = string | readonly PathStep[];

export function toSteps(path: AttributePath): readonly PathStep[] {
  if (typeof path !== "string") return path;
  let steps = parsedPaths.get(path);
  if (!steps) {
    steps = path === "" ? [] : path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // Rules ask for the same few paths for every resource; a bound keeps odd callers from growing it.
    if (parsedPaths.size >= MAX_PARSED_PATHS) parsedPaths.clear();
    parsedPaths.set(path, steps);
  }
  return steps;
}

const parsedPaths = new Map<string, readonly PathStep[]>();
const MAX_PARSED_PATHS = 10_000;

/** The value at a path, or undefined when any step is missing. */
export function getPath(value: unknown, path: AttributePath): unknown {
  let cur: unknown = value;
  // Indexed: rules ask this for every resource, much of it before the optimizer steps in (for...of
  // makes an iterator result per step there).
  const steps = toSteps(path);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      if (typeof step !== "number") return undefined;
      cur = cur[step];
    } else {
      if (!Object.hasOwn(cur, step)) return undefined;
      cur = (cur as Record<string, unknown>)[String(step)];
    }
  }
  return cur;
}

/**
 * Whether a mask (after_unknown, after_sensitive) marks the path or any
 * parent of it: a whole block unknown makes every attribute in it unknown.
 */
export function maskCovers(mask: unknown, path: AttributePath): boolean {
  let cur: unknown = mask;
  const steps = toSteps(path);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (cur === true) return true;
    if (cur === null || typeof cur !== "object") return false;
    cur = Array.isArray(cur)
      ? typeof step === "number"
        ? cur[step]
        : undefined
      : (cur as Record<string, unknown>)[String(step)];
  }
  return cur === true;
}
