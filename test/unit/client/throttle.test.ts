import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../../client/src/preview/throttle.js';

describe('Throttle: preview renders while typing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once per delay however many changes come in', async () => {
    const task = vi.fn(async () => {});
    const throttle = new Throttle(task, () => 300);
    for (let i = 0; i < 10; i++) throttle.poke();
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('keeps rendering during continuous typing (throttle, not debounce)', async () => {
    const task = vi.fn(async () => {});
    const throttle = new Throttle(task, () => 300);
    for (let t = 0; t < 1000; t += 50) {
      throttle.poke();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(task.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('runs once more after a run during which a change came, and never two at once', async () => {
    let running = 0;
    let most = 0;
    let finish: (() => void) | undefined;
    const task = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          running++;
          most = Math.max(most, running);
          finish = () => {
            running--;
            resolve();
          };
        }),
    );
    const throttle = new Throttle(task, () => 100);
    throttle.poke();
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(1);
    throttle.poke(); // the user typed while the server rendered
    await vi.advanceTimersByTimeAsync(500);
    expect(task).toHaveBeenCalledTimes(1);
    finish!();
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(2);
    finish!();
    expect(most).toBe(1);
  });

  it('now() runs at once; dispose() stops it', async () => {
    const task = vi.fn(async () => {});
    const throttle = new Throttle(task, () => 300);
    throttle.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);
    throttle.poke();
    throttle.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
