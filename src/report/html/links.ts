/**
 * Links from a finding to its `.tf` block in the repository's web view. The
 * template comes from the config (`report.source_url`), else, on GitHub
 * Actions, from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA. Only
 * http(s) templates are used: a config from a pull request cannot turn the
 * links into `javascript:` URLs. Paths are percent-encoded segment by
 * segment, and paths that leave the repository get no link.
 */

export type SourceLinker = (file: string, line: number, endLine?: number) => string | undefined;

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** `{path}`, `{line}` and `{end_line}` in the template are filled in. */
export function sourceLinker(template: string | undefined): SourceLinker | undefined {
  if (template === undefined || !HTTP_URL.test(template)) return undefined;
  return (file, line, endLine) => {
    const parts = file.split("/");
    if (file === "" || file.startsWith("/") || parts.some((p) => p === ".." || p === "")) return undefined;
    const path = parts.map(encodeURIComponent).join("/");
    return template
      .replaceAll("{path}", path)
      .replaceAll("{line}", String(line))
      .replaceAll("{end_line}", String(endLine ?? line));
  };
}

/** The template for a run: the config's, else the one GitHub Actions' environment gives. */
export function sourceUrlTemplate(configured: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (configured !== undefined) return configured;
  const server = env["GITHUB_SERVER_URL"];
  const repository = env["GITHUB_REPOSITORY"];
  const sha = env["GITHUB_SHA"];
  if (!server || !repository || !sha) return undefined;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  return `${server.replace(/\/+$/, "")}/${repository}/blob/${sha}/{path}#L{line}-L{end_line}`;
}
