/**
 * How running time grows with input size, for tests that guard against super-linear work
 * (catastrophic regex backtracking, pair lists). A ratio of times, not absolute milliseconds: ten
 * times the input should take about ten times as long; quadratic work takes a hundred times.
 */
import { performance } from 'node:perf_hooks';

function elapsed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * t(large) / t(small), about large / small for linear work.
 *
 * The small input is timed as a block of large / small runs, interleaved with single runs of the
 * large one, and the fastest of each kind is kept: both then take about as long, so a busy machine
 * (other processes taking the CPU away every few milliseconds) slows both alike instead of only the
 * longer one. On the way up, sizes small/10 and 3 × small are timed first, and a size that already
 * takes far too long, or clearly grows faster than linearly, stops early (Infinity) so a failing
 * case fails in seconds instead of hanging: those checks keep the test short, the verdict is the ratio.
 */
export function timeGrowth<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  { small = 10_000, large = 100_000, rounds = 5 }: { small?: number; large?: number; rounds?: number } = {},
): number {
  const tiny = make(Math.max(1, Math.floor(small / 10)));
  run(tiny); // warm up the code paths
  if (elapsed(() => run(tiny)) > 100) return Infinity;
  const smallInput = make(small);
  const smallOnce = Math.min(elapsed(() => run(smallInput)), elapsed(() => run(smallInput)));
  if (smallOnce > 400) return Infinity;
  // Linear: about 3; quadratic: about 9. Stop before the large size would take minutes.
  if (smallOnce > 20) {
    const triple = make(3 * small);
    if (elapsed(() => run(triple)) / smallOnce > 7) return Infinity;
  }
  const largeInput = make(large);
  const times = Math.max(1, Math.round(large / small));
  // Repeat both sides so each timing lasts at least ~10 ms: shorter ones are mostly timer noise.
  const repeat = Math.min(200, Math.max(1, Math.ceil(10 / Math.max(0.01, elapsed(() => run(largeInput))))));
  let smallBlock = Infinity;
  let largeOnce = Infinity;
  for (let round = 0; round < rounds; round++) {
    smallBlock = Math.min(smallBlock, elapsed(() => {
      for (let i = 0; i < times * repeat; i++) run(smallInput);
    }));
    largeOnce = Math.min(largeOnce, elapsed(() => {
      for (let i = 0; i < repeat; i++) run(largeInput);
    }));
  }
  return (largeOnce / smallBlock) * times;
}

/**
 * The growth ratio for a tenfold input, measured again when the first measurement exceeds `bound`
 * (one measurement on a busy machine can be off; real super-linear work exceeds it every time).
 * Linear work gives about 10, quadratic about 100. `sizes` moves the two sizes (default 10k and
 * 100k) for work whose quadratic part only shows at larger inputs.
 */
export function linearGrowth<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  bound = 30,
  sizes: { small?: number; large?: number } = {},
): number {
  const first = timeGrowth(make, run, sizes);
  return first < bound ? first : Math.min(first, timeGrowth(make, run, sizes));
}
