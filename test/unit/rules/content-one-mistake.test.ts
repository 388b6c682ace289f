/**
 * One mistake, one diagnostic (LANGUAGE.md "How rules combine"): every single-line slip in a clean
 * plan (a line deleted or doubled, a word misspelt or re-cased) that a plan-content rule reports gives
 * exactly one diagnostic in the whole analysis — also deleting a `task` line that lists several
 * required tasks (one diagnostic for the phase, listing them).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { basePlan } from './plan-fixtures.js';
import { wordSlips } from './word-slips.js';

const contentRules = new Set([
  'focus-area', 'dispute-stage', 'initial-tasks', 'termination-tasks', 'goal-reference',
  'technique', 'task', 'score-range', 'risk-assessment', 'phi', 'session-status', 'placeholder',
]);

function singleSlips(text: string): { name: string; text: string }[] {
  const lines = text.split('\n');
  const slips: { name: string; text: string }[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    slips.push({ name: `line ${i + 1} doubled`, text: [...lines.slice(0, i + 1), line, ...lines.slice(i + 1)].join('\n') });
    slips.push({ name: `line ${i + 1} deleted`, text: lines.filter((_, j) => j !== i).join('\n') });
  });
  return [...slips, ...wordSlips(text)];
}

describe('plan-content rules: one mistake, one diagnostic', () => {
  it('holds for every single-line slip in the base plan', () => {
    const offenders: string[] = [];
    let reported = 0;
    const slips = singleSlips(basePlan);
    for (const slip of slips) {
      const diagnostics = analyse(slip.text).diagnostics;
      if (diagnostics.some((d) => contentRules.has(d.rule))) reported++;
      if (diagnostics.length > 1 && diagnostics.some((d) => contentRules.has(d.rule))) {
        offenders.push(`${slip.name}: ${diagnostics.map((d) => d.rule).join(', ')}`);
      }
    }
    expect(slips.length).toBeGreaterThan(400);
    // Not vacuous: many of the slips are ones the content rules catch.
    expect(reported).toBeGreaterThan(40);
    expect(offenders).toEqual([]);
  });
});
