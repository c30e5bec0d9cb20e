#!/usr/bin/env node
/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): self time per function and
 * per file, hottest first.
 *
 *   node bench/profile-summary.js bench/out/profiles/CPU.....cpuprofile
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function summarizeProfile(profile, root = process.cwd()) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  const byFunction = new Map();
  const byFile = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const n = nodes.get(id);
    if (!n) continue;
    totalUs += us;
    const cf = n.callFrame;
    const file = shortUrl(cf.url, root);
    const name = cf.functionName || (file ? "(anonymous)" : `(${n.callFrame.functionName || "program"})`);
    const where = file ? `${file}:${cf.lineNumber + 1}` : "";
    const key = `${name} ${where}`;
    const f = byFunction.get(key) ?? { name, where, selfMs: 0 };
    f.selfMs += us / 1000;
    byFunction.set(key, f);
    const fileKey = file || name;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us / 1000);
  }
  return {
    totalMs: totalUs / 1000,
    functions: [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs),
    files: [...byFile.entries()].map(([file, selfMs]) => ({ file, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

function shortUrl(url, root) {
  if (!url) return "";
  const p = url.startsWith("file://") ? fileURLToPath(url) : url;
  return p.startsWith(root) ? path.relative(root, p) : p;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node bench/profile-summary.js <file.cpuprofile>\n");
    process.exit(2);
  }
  const s = summarizeProfile(JSON.parse(readFileSync(file, "utf8")));
  process.stdout.write(`${(s.totalMs / 1000).toFixed(1)} s sampled\n`);
  for (const f of s.functions.slice(0, 30))
    process.stdout.write(
      `${((100 * f.selfMs) / s.totalMs).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}\n`,
    );
}
