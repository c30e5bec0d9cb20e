import type { PackageInfo } from "../../rego/index.js";
import type { RegoPackageInfo } from "./engine.js";

/** What the policy layer keeps of the engine's description of one module's package (engine.ts). */
export function packageInfo(p: PackageInfo): RegoPackageInfo {
  const info: RegoPackageInfo = {
    path: p.path,
    file: p.file,
    rules: p.rules.map((r) => ({
      name: r.name,
      line: r.line,
      ...(r.annotation ? { annotation: r.annotation } : {}),
    })),
  };
  if (p.annotation) info.annotation = p.annotation;
  return info;
}
