import type { ScanResult } from "../scan/result.js";
import { jsonPieces, joinPieces } from "./pieces.js";
import { countFindings } from "./summary.js";

/**
 * The JSON report. Its shape is documented in the README and versioned by
 * `schemaVersion`; fields are only ever added within a version.
 */
export function formatJson(result: ScanResult): string {
  return joinPieces(jsonReportPieces(result));
}

/** formatJson's report in pieces, a finding each (src/report/pieces.ts). */
export function* jsonReportPieces(result: ScanResult): Generator<string> {
  const report = {
    schemaVersion: 1,
    tool: result.tool,
    inputs: result.inputs,
    summary: countFindings(result.findings),
    findings: result.findings,
    failures: result.failures,
    warnings: result.warnings ?? [],
    gpu: result.gpu,
    rules: result.rules.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      category: r.category,
      aliases: r.aliases,
      ...(r.narrower ? { narrower: r.narrower } : {}),
    })),
  };
  // The report, its arrays, and their elements (the findings) one piece each.
  yield* jsonPieces(report, 2);
  yield "\n";
}
