/**
 * `planguard scan ... | head -1`: once the reader goes away, writes to stdout
 * fail with EPIPE, which Node raises as an unhandled 'error' event (a stack
 * trace and exit 1, whatever the scan found). Like other Unix tools, planguard
 * then stops writing and ends quietly with the exit code the run chose.
 */
export function endQuietlyWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    // Later writes to the destroyed stream report ERR_STREAM_DESTROYED: the same closed pipe.
    if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") return;
    throw err;
  });
}
