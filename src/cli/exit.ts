import { SEVERITIES, type Severity } from "../policy/types.js";

/** Exit codes, the same for every command (which one a scan ends with: src/scan/verdict.ts). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function parseSeverity(value: string, flag: string): Severity {
  const v = value.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  throw new UsageError(`${flag} must be one of ${SEVERITIES.join(", ")} (got "${value}")`);
}

/** A mistake in how planguard was called; printed as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
