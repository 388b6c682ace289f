/** Which session entries plan the same numbers: the n log n search agrees with comparing every pair. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { clashingIntervals, findClashes, subtract, type Interval } from '../../../server/src/rules/session-clashes.js';
import { linearGrowth } from './linear-time.js';

/** The quadratic definition: every pair compared, then the two report passes of `phase-coverage`. */
function bruteForce(intervals: Interval[], excluded: Interval[]) {
  const pieces = intervals.map((interval) => subtract(interval, excluded));
  const shared = (i: number, j: number) =>
    pieces[i]
      .flatMap((a) => pieces[j].map((b) => ({ first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) })))
      .filter((p) => p.first <= p.last)
      .sort((a, b) => a.first - b.first);
  const firstEarlier = intervals.map((_, j) => intervals.findIndex((_, i) => i < j && shared(i, j).length > 0)).map((i) => (i < 0 ? undefined : i));
  const handled = new Set<number>();
  const reachingInto: { entry: number; later: number[] }[] = [];
  intervals.forEach((_, i) => {
    const later = intervals.map((_, j) => j).filter((j) => j > i && shared(i, j).length > 0 && !handled.has(j));
    if (later.length < 2) return;
    for (const j of later) handled.add(j);
    reachingInto.push({ entry: i, later });
  });
  return { firstEarlier, shared: firstEarlier.map((i, j) => (i === undefined ? [] : shared(i, j))), reachingInto };
}

const interval = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -1, max: 6 })).map(([first, length]) => ({ first, last: first + length }));

describe('findClashes', () => {
  it('finds the first earlier entry and the ranges that reach into several later ones', () => {
    const entries = [
      { first: 1, last: 3 },
      { first: 4, last: 8 },
      { first: 6, last: 6 },
      { first: 7, last: 9 },
      { first: 2, last: 2 },
    ];
    expect(findClashes(entries)).toEqual({
      firstEarlier: [undefined, undefined, 1, 1, 0],
      shared: [[], [], [{ first: 6, last: 6 }], [{ first: 7, last: 8 }], [{ first: 2, last: 2 }]],
      reachingInto: [{ entry: 1, later: [2, 3] }],
    });
  });

  it('ignores numbers in excluded ranges (overlapping phases, already reported)', () => {
    expect(findClashes([{ first: 3, last: 5 }, { first: 5, last: 6 }], [{ first: 4, last: 5 }]).firstEarlier).toEqual([undefined, undefined]);
  });

  it('agrees with comparing every pair, for any entries and excluded ranges', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 25 }), fc.array(interval, { maxLength: 2 }), (intervals, excluded) => {
        expect(findClashes(intervals, excluded)).toEqual(bruteForce(intervals, excluded));
      }),
      { numRuns: 400, seed: 1310 },
    );
  });
});

describe('clashingIntervals', () => {
  it('agrees with comparing every pair', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 25 }), (intervals) => {
        const expected = new Set<number>();
        intervals.forEach((a, i) =>
          intervals.forEach((b, j) => {
            if (i !== j && a.first <= a.last && b.first <= b.last && a.first <= b.last && b.first <= a.last) expected.add(i);
          }),
        );
        expect([...clashingIntervals(intervals)].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
      }),
      { numRuns: 400, seed: 1311 },
    );
  });
});

describe('phase-coverage on many entries for one session (issue 13: 8,000 × `session 1` ran out of memory)', () => {
  const plan = (copies: number) =>
    `plan "C-0142 acute IPT"\n  diagnosis "MDD"\n  sessions 16 weekly\nphase initial sessions 1-3\n${'  session 1 "x"\n'.repeat(copies)}phase middle sessions 4-13\nphase termination sessions 14-16\n`;

  it('reports the clash once, on the first entry, listing the others', () => {
    const found = analyse(plan(4)).diagnostics.filter((d) => d.rule === 'phase-coverage');
    expect(found).toHaveLength(1);
    expect(found[0].related).toHaveLength(3);
  });

  it('grows about linearly from 800 to 8,000 copies (128 KB)', () => {
    const ratio = linearGrowth((n) => plan(Math.round(n / 12.5)), (text) => analyse(text));
    expect(ratio).toBeLessThan(30);
  });
});
