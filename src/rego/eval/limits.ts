/**
 * Most elements one comprehension may build (arrays, sets, objects), and the
 * bound on what a builtin may return. V8 cannot hold an array much past 2^27
 * elements and ends the process when asked to; this bound keeps far below
 * that, and far above what a policy over a plan needs.
 */
export const MAX_COLLECTION_SIZE = 10_000_000;
