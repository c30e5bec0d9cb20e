import path from "node:path";
import { createRequire } from "node:module";
import type * as Sarif from "sarif";
import type { Finding, RuleMetadata, Severity } from "../policy/types.js";
import type { ScanResult } from "../scan/result.js";
import { gatherPieces, jsonPieces, writePieces, type ReportText } from "./pieces.js";

/**
 * SARIF 2.1.0 for GitHub code scanning. GitHub's rules (see the README's
 * notes on SARIF): every result needs a physical location with a relative
 * URI and a start line, rule ids and fingerprints must be stable, rules carry
 * `security-severity` so results become security alerts.
 */
export interface SarifOptions {
  /** URIs are written relative to this directory (the repository root). */
  baseDir: string;
}

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "1.0",
};

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

const MAX_DESCRIPTION = 1024;

export function buildSarif(result: ScanResult, options: SarifOptions): Sarif.Log {
  const ruleIndex = new Map<string, number>();
  const rules = result.rules.map((meta, i) => {
    ruleIndex.set(meta.id, i);
    return describeRule(meta);
  });
  // Findings of rules not in the list (none today) still need a descriptor.
  for (const f of result.findings) {
    if (!ruleIndex.has(f.ruleId)) {
      ruleIndex.set(f.ruleId, rules.length);
      rules.push({
        id: f.ruleId,
        shortDescription: { text: f.ruleId },
        fullDescription: { text: f.ruleId },
        help: { text: f.ruleId },
      });
    }
  }
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: "https://github.com/planguard/planguard",
        rules,
      },
    },
    invocations: [
      {
        executionSuccessful: result.failures.length === 0,
        toolExecutionNotifications: [
          ...result.inputs.flatMap((i) =>
            i.warnings.map((w) => ({ level: "warning" as const, message: { text: `${i.file}: ${w}` } })),
          ),
          ...(result.warnings ?? []).map((w) => ({ level: "warning" as const, message: { text: w } })),
          ...result.failures.map((f) => ({
            level: "error" as const,
            message: { text: `rule ${f.ruleId} failed${f.resource ? ` on ${f.resource}` : ""}: ${f.message}` },
          })),
        ],
      },
    ],
    results: result.findings.map((f) => describeResult(f, ruleIndex.get(f.ruleId)!, options)),
    columnKind: "unicodeCodePoints",
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}

/** GitHub rejects a whole upload past either limit. */
const GITHUB_MAX_RESULTS = 25_000;
const GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024;

/** node:zlib, loaded when a report is measured against GitHub's gzip limit (its initialization ran at every scan's start). */
let zlib: typeof import("node:zlib") | undefined;
const loadZlib = (): typeof import("node:zlib") =>
  (zlib ??= createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib"));
const gzipSync = (text: string): Buffer => loadZlib().gzipSync(text);

/**
 * The SARIF text, kept within GitHub's limits: past 25,000 results, or 10 MB
 * gzipped, the least severe results are left out (findings arrive most
 * severe first) and a notification says how many.
 */
export function formatSarif(result: ScanResult, options: SarifOptions, limits = GITHUB_LIMITS): string {
  let keep = Math.min(result.findings.length, limits.maxResults);
  for (;;) {
    const text = JSON.stringify(limitedLog(result, options, keep), null, 2) + "\n";
    if (keep === 0 || gzipSync(text).length <= limits.maxGzipBytes) return text;
    keep = Math.floor(keep * 0.8);
  }
}

/**
 * formatSarif's report in pieces (src/report/pieces.ts), measured against
 * GitHub's gzip limit in pieces too: a large plan's SARIF (13 MB for the dense
 * bench plan) is neither joined into one string nor encoded into one buffer
 * for gzip and again for writing. The pieces are kept for the writing, not
 * made twice. Same text, same results left out, as formatSarif.
 */
export async function sarifPieces(
  result: ScanResult,
  options: SarifOptions,
  limits = GITHUB_LIMITS,
): Promise<string[]> {
  let keep = Math.min(result.findings.length, limits.maxResults);
  for (;;) {
    // The log, its run, the run's results: each result is one piece.
    const pieces = [...gatherPieces(jsonPieces(limitedLog(result, options, keep), 4)), "\n"];
    if (keep === 0 || (await gzipSize(pieces)) <= limits.maxGzipBytes) return pieces;
    keep = Math.floor(keep * 0.8);
  }
}

const GZIP_CHUNK_BYTES = 1024 * 1024;

const GITHUB_LIMITS = { maxResults: GITHUB_MAX_RESULTS, maxGzipBytes: GITHUB_MAX_GZIP_BYTES };

/** The log with the first `keep` findings, and a notification of those left out. */
function limitedLog(result: ScanResult, options: SarifOptions, keep: number): Sarif.Log {
  const log = buildSarif(
    keep === result.findings.length ? result : { ...result, findings: result.findings.slice(0, keep) },
    options,
  );
  const dropped = result.findings.length - keep;
  if (dropped > 0) {
    log.runs[0]!.invocations![0]!.toolExecutionNotifications!.push({
      level: "warning",
      message: {
        text: `${dropped} of ${result.findings.length} findings (the least severe) are left out to stay within GitHub code scanning's limits; the JSON report has all of them.`,
      },
    });
  }
  return log;
}

/**
 * The size of the text gzipped as gzipSync would (same settings; deflate's
 * output does not depend on how its input is cut), fed in chunks through one
 * reused buffer. Large chunks: each is a trip to Node's thread pool and back,
 * which on a busy machine waits for a core.
 */
async function gzipSize(text: ReportText): Promise<number> {
  const gzip = loadZlib().createGzip();
  let size = 0;
  gzip.on("data", (out: Buffer) => {
    size += out.length;
  });
  const ended = new Promise<void>((resolve, reject) => {
    gzip.once("end", resolve);
    gzip.once("error", reject);
  });
  await writePieces(
    text,
    (chunk) =>
      // The callback comes once the chunk is compressed: its buffer may be reused.
      new Promise<"written">((resolve, reject) => gzip.write(chunk, (err) => (err ? reject(err) : resolve("written")))),
    GZIP_CHUNK_BYTES,
  );
  gzip.end();
  await ended;
  return size;
}

function describeRule(meta: RuleMetadata): Sarif.ReportingDescriptor {
  const compliance = meta.compliance.map((c) => `${c.framework} ${c.control}`);
  const helpMarkdown = [
    `**${meta.title}** (${meta.severity}, ${meta.category})`,
    "",
    meta.description,
    "",
    `**Remediation:** ${meta.remediation}`,
    ...(compliance.length > 0 ? ["", `**Compliance:** ${compliance.join("; ")}`] : []),
    ...(meta.aliases.length > 0 ? ["", `**Equivalent ids:** ${meta.aliases.join(", ")}`] : []),
    ...(meta.narrower && meta.narrower.length > 0
      ? ["", `**Covers in part (named on each finding they match):** ${meta.narrower.join(", ")}`]
      : []),
    ...(meta.related && meta.related.length > 0 ? ["", `**Related, not equivalent:** ${meta.related.join(", ")}`] : []),
  ].join("\n");
  const descriptor: Sarif.ReportingDescriptor = {
    id: meta.id,
    name: pascalCase(meta.title),
    shortDescription: { text: truncate(meta.title) },
    fullDescription: { text: truncate(meta.description) },
    help: { text: truncate(`${meta.description} Remediation: ${meta.remediation}`, 8000), markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      "security-severity": SECURITY_SEVERITY[meta.severity],
      tags: ["security", meta.category, ...meta.providers, ...compliance].slice(0, 20),
      precision: "high",
    },
  };
  if (meta.helpUri) descriptor.helpUri = meta.helpUri;
  return descriptor;
}

function describeResult(f: Finding, ruleIndex: number, options: SarifOptions): Sarif.Result {
  const file = f.source?.file ?? relativeUri(f.file, options.baseDir);
  const region: Sarif.Region = { startLine: f.source?.line ?? 1 };
  if (f.source?.endLine !== undefined && f.source.endLine >= region.startLine!) region.endLine = f.source.endLine;
  const location: Sarif.Location = { physicalLocation: { artifactLocation: { uri: file }, region } };
  if (f.resource) location.logicalLocations = [{ fullyQualifiedName: f.resource.address, kind: "resource" }];
  const res: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
    partialFingerprints: { "planguardFingerprint/v1": f.fingerprint },
    properties: {
      severity: f.severity,
      category: f.category,
      ...(f.attribute ? { attribute: f.attribute } : {}),
      ...(f.aliases ? { aliases: f.aliases } : {}),
    },
  };
  if (f.suppression) {
    res.suppressions = [
      {
        kind: f.suppression.kind === "inline" ? "inSource" : "external",
        justification: f.suppression.reason,
        status: "accepted",
      },
    ];
  }
  return res;
}

/** A path relative to the base directory, with forward slashes, as GitHub wants. */
export function relativeUri(file: string, baseDir: string): string {
  if (file === "-") return "stdin";
  const rel = path.relative(baseDir, path.resolve(file));
  const chosen = rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
  return chosen.split(path.sep).join("/");
}

function truncate(text: string, max = MAX_DESCRIPTION): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

function pascalCase(title: string): string {
  return title
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}
