/**
 * Tells the echo of a scroll we caused from a scroll the user made. When the preview scrolls the
 * editor (or the editor the preview), the other side reports a scroll back; passing that on would make
 * the two chase each other. A time window alone also swallows a real scroll the user makes right
 * after, so an event counts as the echo only while it lands where we sent the other side.
 */
export class ScrollEcho {
  private expected: { line: number; tolerance: number; until: number } | undefined;

  constructor(private readonly windowMs = 400) {}

  /** We are about to scroll the other side so that `line` is at its top (within `tolerance` lines). */
  expect(line: number, tolerance = 1, now = Date.now()): void {
    this.expected = { line, tolerance, until: now + this.windowMs };
  }

  /** True when a scroll to `line` is the echo of ours. A scroll elsewhere ends the wait for the echo. */
  isEcho(line: number, now = Date.now()): boolean {
    const expected = this.expected;
    if (!expected || now > expected.until) return false;
    if (Math.abs(line - expected.line) <= expected.tolerance) return true;
    this.expected = undefined;
    return false;
  }
}
