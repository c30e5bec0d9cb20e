#!/usr/bin/env node
/**
 * Writes the GPU catalog's look-up tables in their final shape
 * (src/gpu/catalog-tables.ts says what that is), so that a scan neither
 * carries the whole catalog (sources, memory figures, notes: ~85 kB) nor
 * derives specs from it on every run.
 *
 *   npm run gen:gpu-catalog      (builds first: the transformation is read from dist/)
 *
 * test/gpu/catalog-tables.test.ts fails when the committed file differs from
 * what this script would write, so a catalog update cannot ship with stale tables.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const CATALOG = "src/gpu/catalog.json";
export const TABLES = "src/gpu/catalog-tables.generated.json";

/** The file's text: the tables as JSON, one shape a line for readable diffs. */
export function tablesText(tables) {
  const sections = Object.entries(tables).map(([name, table]) => {
    const rows = Object.entries(table).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    return `  ${JSON.stringify(name)}: {\n${rows.join(",\n")}\n  }`;
  });
  return `{\n${sections.join(",\n")}\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { buildCatalogTables } = await import(pathToFileURL(path.join(ROOT, "dist", "gpu", "catalog-tables.js")).href);
  const catalog = JSON.parse(readFileSync(path.join(ROOT, CATALOG), "utf8"));
  writeFileSync(path.join(ROOT, TABLES), tablesText(buildCatalogTables(catalog)));
  process.stdout.write(`wrote ${TABLES}\n`);
}
