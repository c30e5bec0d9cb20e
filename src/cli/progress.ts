/**
 * A progress line on stderr for scans that take more than a second, only on
 * a terminal: CI logs get no carriage-return noise.
 */
export class Progress {
  private readonly start = Date.now();
  private shown = false;

  /** Without a stream, stderr, taken at the first update due: making process.stderr's stream costs a short scan that never writes to it. */
  constructor(
    private readonly given?: NodeJS.WriteStream,
    private readonly delayMs = 1000,
  ) {}

  update(message: string): void {
    if (Date.now() - this.start < this.delayMs) return;
    const stream = this.given ?? process.stderr;
    if (!stream.isTTY) return;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\x1b[2K${`planguard: ${message}`.slice(0, width)}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) (this.given ?? process.stderr).write("\r\x1b[2K");
    this.shown = false;
  }
}
