/**
 * "One mistake, one diagnostic" (LANGUAGE.md, How rules combine), checked exhaustively: every
 * single-line edit of the clean base plan — a line dropped, repeated or swapped with the next, or a
 * number changed — gives at most one diagnostic from the plan-structure rules.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { basePlan } from './plan-fixtures.js';

const structureRules = new Set([
  'plan-header', 'variant', 'session-count', 'phase-order', 'phase-coverage',
  'phase-length', 'single-focus', 'session-dates', 'unknown-value', 'measure-schedule',
]);

function singleLineEdits(): { label: string; text: string }[] {
  const lines = basePlan.split('\n');
  const edits: { label: string; text: string }[] = [];
  const join = (changed: string[]) => changed.join('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    edits.push({ label: `drop line ${i + 1}`, text: join(lines.filter((_, j) => j !== i)) });
    edits.push({ label: `repeat line ${i + 1}`, text: join([...lines.slice(0, i + 1), line, ...lines.slice(i + 1)]) });
    if (i + 1 < lines.length) edits.push({ label: `swap lines ${i + 1} and ${i + 2}`, text: join([...lines.slice(0, i), lines[i + 1], line, ...lines.slice(i + 2)]) });
    for (const match of line.matchAll(/\b\d{1,3}\b/g)) {
      for (const delta of [-3, -1, 1, 2, 3]) {
        const value = Number(match[0]) + delta;
        if (value < 0) continue;
        const changed = line.slice(0, match.index) + value + line.slice(match.index! + match[0].length);
        edits.push({ label: `line ${i + 1}: ${changed.trim()}`, text: join(lines.map((l, j) => (j === i ? changed : l))) });
      }
    }
    for (const [word, others] of Object.entries(ALTERNATIVES)) {
      if (!new RegExp(`\\b${word}\\b`).test(line)) continue;
      for (const other of others) {
        const changed = line.replace(new RegExp(`\\b${word}\\b`), other);
        edits.push({ label: `line ${i + 1}: ${changed.trim()}`, text: join(lines.map((l, j) => (j === i ? changed : l))) });
      }
    }
  });
  return edits;
}

/** Words a person might write instead of the right one: another value of the same kind, or a typo. */
const ALTERNATIVES: Record<string, string[]> = {
  acute: ['adolescent', 'brief', 'group', 'maintenance', 'acut'],
  weekly: ['biweekly', 'monthly', 'weekley'],
  initial: ['middle', 'termination', 'intial'],
  middle: ['initial', 'termination', 'midle'],
  termination: ['initial', 'middle', 'ending'],
  low: ['none', 'lo'],
};

describe('plan-structure rules: one mistake, one diagnostic', () => {
  const edits = singleLineEdits();

  it('covers hundreds of single-line edits', () => {
    expect(edits.length).toBeGreaterThan(250);
  });

  it('gives at most one structure diagnostic for each single-line edit', () => {
    const offenders = edits
      .map(({ label, text }) => ({ label, found: analyse(text).diagnostics.filter((d) => structureRules.has(d.rule)) }))
      .filter(({ found }) => found.length > 1)
      .map(({ label, found }) => `${label}: ${found.map((d) => `${d.rule} (${d.message.slice(0, 60)}…)`).join(' | ')}`);
    expect(offenders).toEqual([]);
  });
});
