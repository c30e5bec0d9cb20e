import type { DriftReport } from "../types.js";

/**
 * The JSON report: the DriftReport itself (docs/drift.md documents every
 * field). Versioned by `schemaVersion`; fields are only added within a version.
 */
export function formatDriftJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
