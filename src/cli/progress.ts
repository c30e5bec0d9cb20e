/**
 * A progress line on stderr for scans that take more than a second, only on
 * a terminal: CI logs get no carriage-return noise.
 */
export class Progress {
  private readonly start = Date.now();
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly delayMs = 1000,
  ) {}

  update(message: string): void {
    if (!this.stream.isTTY || Date.now() - this.start < this.delayMs) return;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r\x1b[2K${`planguard: ${message}`.slice(0, width)}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write("\r\x1b[2K");
    this.shown = false;
  }
}
