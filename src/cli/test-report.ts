import type { TestResult } from "../rego/index.js";

/**
 * `planguard test`'s text report, laid out as `opa test` lays out its own:
 * by default only the tests that did not pass (each under its `file:line:`,
 * with what it printed and, for an error, the error), then a rule and the
 * summary (`PASS: 2/3`, `FAIL: 1/3`, `ERROR: 0/3` lines only when non-zero).
 * With verbose every test is listed, with its print output and the notes
 * of `trace` calls.
 */
export function formatTestReport(results: readonly TestResult[], verbose: boolean): string {
  const out: string[] = [];
  let lastFile: string | undefined;
  for (const r of results) {
    if (!verbose && r.status === "pass") continue;
    if (lastFile !== undefined && lastFile !== r.file) out.push("");
    lastFile = r.file;
    out.push(`${r.file}:${r.line}:`);
    out.push(`data.${r.package}.${r.name}: ${r.status.toUpperCase()} (${formatDuration(r.durationMs)})`);
    const shown = r.output.filter((o) => verbose || o.kind === "print");
    if (shown.length > 0)
      out.push("", ...shown.map((o) => `  ${o.kind === "note" ? `Note ${JSON.stringify(o.text)}` : o.text}`), "");
    if (r.error !== undefined) out.push(`  ${r.error}`);
  }
  if (out.length > 0) out.push("-".repeat(80));
  const total = results.length;
  const count = (s: TestResult["status"]) => results.filter((r) => r.status === s).length;
  if (total === 0) out.push("no tests found");
  for (const [label, status] of [
    ["PASS", "pass"],
    ["FAIL", "fail"],
    ["ERROR", "error"],
  ] as const) {
    const n = count(status);
    if (n > 0) out.push(`${label}: ${n}/${total}`);
  }
  return out.join("\n") + "\n";
}

/** A duration as Go's time.Duration prints it (OPA's test lines): 512.5µs, 1.25ms, 2.1s. */
export function formatDuration(ms: number): string {
  const ns = Math.round(ms * 1e6);
  if (ns < 1_000) return `${ns}ns`;
  const [unit, scale] = ns < 1_000_000 ? ["µs", 1e3] : ns < 1_000_000_000 ? ["ms", 1e6] : ["s", 1e9];
  return `${trimZeros((ns / scale).toFixed(6))}${unit}`;
}

const trimZeros = (s: string) => s.replace(/\.?0+$/, "");
