/**
 * Text order for everything planguard sorts for people and files (findings,
 * rules, baselines): by UTF-16 code unit, so the order is the same on every
 * machine. localeCompare would follow the locale of whoever runs the scan,
 * and costs a call into ICU per comparison.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
