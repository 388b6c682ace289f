/**
 * How running time grows with input size, for tests that guard against super-linear work
 * (catastrophic regex backtracking, pair lists). A ratio of times, not absolute milliseconds: ten
 * times the input should take about ten times as long; quadratic work takes a hundred times.
 */
import { performance } from 'node:perf_hooks';

/** The fastest of a few runs (the least disturbed by garbage collection and other processes). */
function fastest(run: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * t(large) / t(small). Sizes are tried from small/10 upwards, and a size that already takes far too
 * long stops the measurement (Infinity) so a failing case fails in seconds instead of hanging: the
 * limits only keep the test short, the verdict is the ratio. Times under `floorMs` count as `floorMs`,
 * so that timer noise on a very fast small run cannot fake a steep ratio.
 */
export function timeGrowth(
  make: (size: number) => string,
  run: (text: string) => unknown,
  { small = 10_000, large = 100_000, floorMs = 0.5 }: { small?: number; large?: number; floorMs?: number } = {},
): number {
  const tiny = make(Math.max(1, Math.floor(small / 10)));
  run(tiny); // warm up the code paths
  if (fastest(() => run(tiny), 1) > 100) return Infinity;
  const smallText = make(small);
  const smallTime = Math.max(floorMs, fastest(() => run(smallText), 3));
  if (smallTime > 400) return Infinity;
  const largeText = make(large);
  const largeTime = Math.max(floorMs, fastest(() => run(largeText), 3));
  return largeTime / smallTime;
}
