import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/cli/test-report.js";

describe("test report durations", () => {
  it("print as Go's time.Duration does, as opa test shows them", () => {
    expect(formatDuration(0.0005)).toBe("500ns");
    expect(formatDuration(0.5125)).toBe("512.5µs");
    expect(formatDuration(1.25)).toBe("1.25ms");
    expect(formatDuration(10)).toBe("10ms");
    expect(formatDuration(2100)).toBe("2.1s");
  });
});
