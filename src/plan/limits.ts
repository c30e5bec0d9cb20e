/**
 * The largest input read by default (--max-input-size), in a module of its
 * own so that the command line can name it in --help without loading the
 * loader.
 */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024 * 1024;
