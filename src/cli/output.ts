import { InputError } from "../input-error.js";
import { joinPieces, type ReportText } from "../report/pieces.js";
import { writeWorkflowCommands } from "./workflow-guard.js";
import { UsageError } from "./exit.js";
import { writeFileAtomic } from "./write.js";
import { writePiecesToStream } from "./write-pieces.js";

/** Where one rendered report goes: stdout, or a file. */
export interface OutputTarget {
  format: string;
  file?: string;
}

/**
 * Format names a bare `-o` is refused for: Checkov and conftest users write
 * `-o sarif` meaning the format, and would otherwise get the text report in
 * a file named `sarif`. planguard's own formats and the other tools' names.
 */
const FORMAT_NAMES = new Set([
  "text",
  "json",
  "sarif",
  "markdown",
  "github",
  "junitxml",
  "cli",
  "csv",
  "junit",
  "md",
  "table",
  "tap",
  "stdout",
  "gitlab_sast",
  "cyclonedx",
  "spdx",
  "azuredevops",
  "github_failed_only",
]);

/**
 * Parses `--output` values: `FILE` writes the --format report to FILE;
 * `FORMAT=FILE` writes that format there. Several may be given, so one run
 * can print text and write SARIF and JSON.
 */
export function parseOutputs(
  stdoutFormat: string,
  outputs: readonly string[],
  known: readonly string[],
): OutputTarget[] {
  const targets: OutputTarget[] = [];
  let stdoutTaken = false;
  for (const spec of outputs) {
    const m = /^([a-z]+)=(.+)$/.exec(spec);
    const format = m ? m[1]! : stdoutFormat;
    const file = m ? m[2]! : spec;
    if (!m && FORMAT_NAMES.has(spec.toLowerCase())) {
      throw new UsageError(
        `-o ${spec}: -o names a file; to print the ${spec} report use -f ${spec}, to write it to a file use -o ${spec}=FILE (a file really named "${spec}": -o ./${spec})`,
      );
    }
    if (!known.includes(format))
      throw new InputError("--output", `unknown format "${format}" (known: ${known.join(", ")})`);
    if (!m) stdoutTaken = true;
    targets.push({ format, file });
  }
  if (!known.includes(stdoutFormat))
    throw new InputError("--format", `unknown format "${stdoutFormat}" (known: ${known.join(", ")})`);
  // The --format report goes to stdout unless a bare --output took it.
  if (!stdoutTaken) targets.unshift({ format: stdoutFormat });
  return targets;
}

/** Writes one report, given whole or in pieces (src/report/pieces.ts), to its target. */
export async function emit(target: OutputTarget, content: ReportText): Promise<void> {
  if (target.file === undefined || target.file === "-") {
    // Annotations are workflow commands on purpose (their data escaped by the formatter); all else is guarded.
    if (target.format === "github") writeWorkflowCommands(joinPieces(content));
    else await writePiecesToStream(process.stdout, content);
    return;
  }
  await writeFileAtomic(target.file, content);
}

/** Colour only on a terminal, never with NO_COLOR, never for files. */
export function useColor(target: OutputTarget, noColorFlag: boolean): boolean {
  if (noColorFlag || target.file !== undefined) return false;
  if (process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "") return false;
  return process.stdout.isTTY === true;
}
