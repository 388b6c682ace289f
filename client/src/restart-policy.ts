/**
 * When the language server dies: restart it, unless it has died too often lately (then something
 * in the server or a plan is wrong and restarting in a loop would only hide it). Pure, so it is tested
 * without VS Code.
 */
export interface RestartDecision {
  restart: boolean;
  /** True the first time only, so the user hears about a crash once, not on every restart. */
  tellUser: boolean;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60_000,
  ) {}

  onCrash(now: number): RestartDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    const restart = this.crashes.length < this.maxCrashes;
    const tellUser = !restart || !this.told;
    if (restart) this.told = true;
    return { restart, tellUser };
  }

  /** A manual restart starts afresh. */
  reset(): void {
    this.crashes.length = 0;
    this.told = false;
  }
}
