import { summarizeGpus } from "../../gpu/summary.js";
import { formatSarif } from "../../report/sarif.js";
import type { ScanResult } from "../../scan/result.js";
import type { DriftReport } from "../types.js";

/**
 * SARIF for drift: the report's findings through the scan's own SARIF writer,
 * so rule descriptors, fingerprints, locations (the .tf block once located,
 * else the scanned file at line 1) and GitHub's size limits are handled once.
 */
export function formatDriftSarif(report: DriftReport, options: { baseDir: string }): string {
  return formatSarif(driftAsScan(report), options);
}

/** A drift report in the shape the scan's writers take (SARIF, JUnit XML): its findings, rules and failures. */
export function driftAsScan(report: DriftReport): ScanResult {
  return {
    tool: report.tool,
    inputs: report.inputs.map((i) => {
      const input: ScanResult["inputs"][number] = {
        file: i.file,
        kind: i.kind,
        format: i.format,
        formatVersion: i.formatVersion,
        resources: 0,
        judged: 0,
        warnings: i.warnings,
      };
      if (i.terraformVersion !== undefined) input.terraformVersion = i.terraformVersion;
      return input;
    }),
    rules: report.rules,
    findings: report.findings,
    failures: report.failures,
    gpu: summarizeGpus([]),
  };
}
