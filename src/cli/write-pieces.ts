import { writePieces, type ReportText } from "../report/pieces.js";

/**
 * Writes a report to a stream (stdout), waiting when the stream asks to
 * (a slow pipe), and stopping once it is closed (`planguard ... | head`:
 * src/cli/closed-stdout.ts ends the run quietly).
 */
export async function writePiecesToStream(stream: NodeJS.WriteStream, text: ReportText): Promise<void> {
  await writePieces(text, async (chunk) => {
    if (stream.destroyed || stream.writableEnded) return "stop";
    const ready = stream.write(chunk);
    // Files, terminals and a pipe that took it all are written when write() returns; a pipe's rest waits in the stream.
    const held = stream.writableLength > 0;
    if (!ready) await drained(stream);
    return stream.destroyed ? "stop" : held ? "held" : "written";
  });
}

/** Resolves when the stream drains, closes or fails (its error is handled where it was installed). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}
