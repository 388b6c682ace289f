/**
 * Runs a task at most once per `delay` while changes keep coming, with at most one run in flight;
 * a change during a run schedules one more run after it, so the last change is always rendered.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  private disposed = false;

  constructor(
    private readonly task: () => Promise<void>,
    private delay: () => number,
  ) {}

  /** Something changed. */
  poke(): void {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => void this.run(), this.delay());
  }

  /** Run now (first render, a reload). */
  now(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) this.again = true;
    else void this.run();
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      await this.task();
    } finally {
      this.running = false;
      if (this.again && !this.disposed) {
        this.again = false;
        this.poke();
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}
