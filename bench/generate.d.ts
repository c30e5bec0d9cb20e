/** Types for bench/generate.js (plain JavaScript), for the TypeScript tests. */
export interface GenerateOptions {
  /** Resource instances in resource_changes. */
  resources?: number;
  /** Same seed, same bytes. */
  seed?: number;
}
export declare const BAD_RATE: number;
export declare function generatePlan(options: GenerateOptions, write: (chunk: string) => void): number;
export declare function generatePlanFile(file: string, options?: GenerateOptions): number;
export declare function generatePlanString(options?: GenerateOptions): string;
export declare function parseCount(text: string): number;
export declare function buildLayout(total: number, seed: number): unknown;
