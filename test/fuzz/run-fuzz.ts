/**
 * The fuzzer's driver. `npm test` runs a small seeded sample (seconds); `npm run fuzz` runs
 * ≥ 100,000 cases (FUZZ_RUNS) with a seed it prints (FUZZ_SEED repeats a run). A failure names the
 * broken property, the seed and fast-check's path, and a reproducer minimised by delta debugging:
 * add that input to regressions.ts.
 */
import fc from 'fast-check';
import { test } from 'vitest';
import { checkInput, type CheckOptions } from './check-input.js';
import { minimise } from './minimise.js';

export const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 400);
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20260209);
/** Feature requests at every offset of short inputs, at a spread of offsets of longer ones. */
const options: CheckOptions = { everyPositionUpTo: 80, sampledPositions: 8, timeBoundMs: Number(process.env.FUZZ_TIME_BOUND_MS ?? 5000) };
/** A memory bound for the whole run (the runner's heap); past it the run fails rather than swaps. */
const rssBoundBytes = Number(process.env.FUZZ_RSS_BOUND_MB ?? 3000) * 1e6;

type Check = (text: string, options: CheckOptions) => void;

/** The check, but a failure is reported with the smallest input that breaks the same property. */
function checkMinimised(text: string, check: Check) {
  try {
    check(text, options);
  } catch (error) {
    const property = String((error as Error).message).split(':')[0];
    const breaks = (candidate: string) => {
      try {
        check(candidate, { ...options, timeBoundMs: options.timeBoundMs });
        return false;
      } catch (again) {
        return String((again as Error).message).split(':')[0] === property;
      }
    };
    const smallest = minimise(text, breaks);
    throw new Error(`${(error as Error).message}\nMinimal reproducer (add it to test/fuzz/regressions.ts): ${JSON.stringify(smallest)}`);
  }
}

/** A vitest test that runs `share` of the fuzz runs on inputs from `arbitrary` (checked by checkInput, or `check`). */
export function fuzzTest(name: string, arbitrary: () => fc.Arbitrary<string>, share: number, check: Check = checkInput): void {
  const numRuns = Math.max(1, Math.round(fuzzRuns * share));
  test(`${name}: ${numRuns} cases, seed ${fuzzSeed}`, () => {
    const started = performance.now();
    let cases = 0;
    fc.assert(
      fc.property(arbitrary(), (text) => {
        cases++;
        checkMinimised(text, check);
        if (cases % 256 === 0 && process.memoryUsage.rss() > rssBoundBytes) throw new Error(`memory bound: rss ${Math.round(process.memoryUsage.rss() / 1e6)} MB after ${cases} cases`);
      }),
      { numRuns, seed: fuzzSeed },
    );
    if (process.env.FUZZ_REPORT) {
      const seconds = (performance.now() - started) / 1000;
      console.log(`fuzz ${name}: ${cases} cases in ${seconds.toFixed(1)} s, seed ${fuzzSeed}, rss ${Math.round(process.memoryUsage.rss() / 1e6)} MB`);
    }
  }, 7_200_000);
}
