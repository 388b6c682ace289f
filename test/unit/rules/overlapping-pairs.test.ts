import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlappingPairs } from '../../../server/src/rules/structure-queries.js';

/** Every pair compared with every other: the quadratic definition the sweep must agree with. */
function bruteForce(intervals: { first: number; last: number }[]): [number, number][] {
  const pairs: [number, number][] = [];
  intervals.forEach((a, i) =>
    intervals.forEach((b, j) => {
      if (i < j && a.first <= b.last && b.first <= a.last) pairs.push([i, j]);
    }),
  );
  return pairs;
}

const sorted = (pairs: [number, number][]) => [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);

describe('overlappingPairs (sort and sweep)', () => {
  it('finds the pairs that share a session number, earlier index first', () => {
    const intervals = [
      { first: 1, last: 3 },
      { first: 4, last: 7 },
      { first: 6, last: 6 },
      { first: 8, last: 13 },
      { first: 2, last: 2 },
    ];
    expect(sorted(overlappingPairs(intervals))).toEqual([
      [0, 4],
      [1, 2],
    ]);
  });

  it('agrees with comparing every pair, for any intervals', () => {
    const interval = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 6 })).map(([first, length]) => ({ first, last: first + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (intervals) => {
        expect(sorted(overlappingPairs(intervals))).toEqual(bruteForce(intervals));
      }),
    );
  });

  it('stays fast for a long plan without clashes (20,000 entries)', () => {
    const intervals = Array.from({ length: 20_000 }, (_, i) => ({ first: i + 1, last: i + 1 }));
    expect(overlappingPairs(intervals)).toEqual([]);
  });
});
