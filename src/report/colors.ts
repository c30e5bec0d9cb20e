import type { Severity } from "../policy/types.js";

/** ANSI colours by severity, shared by the terminal reports. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "\x1b[1;35m",
  high: "\x1b[1;31m",
  medium: "\x1b[33m",
  low: "\x1b[36m",
  info: "\x1b[2m",
};
export const RESET = "\x1b[0m";
export const DIM = "\x1b[2m";
