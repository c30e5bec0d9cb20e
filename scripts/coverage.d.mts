export const INVENTORY_DIR: string;
export const COVERAGE_PAGE: string;
export function loadInventories(
  dir?: string,
): Array<{ file: string; provider: string; services: Record<string, string[]>; checks: unknown[] }>;
export function totals(checks: ReadonlyArray<{ status: string }>): {
  checks: number;
  applicable: number;
  equivalent: number;
  related: number;
  missing: number;
  "not-applicable": number;
  percent: number;
};
export function renderCoverage(inventories: ReturnType<typeof loadInventories>): string;
