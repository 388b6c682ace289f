/**
 * "One mistake, one diagnostic" (LANGUAGE.md, How rules combine), checked exhaustively: every
 * single-line edit of a clean plan — a line dropped, repeated or swapped with the next, a number
 * changed, a word replaced by a neighbour or misspelt or re-cased, a date moved — gives at most one
 * diagnostic from the plan-structure rules, and (the whole-plan sweep below, over the base plan, every
 * clean sample and every clean shared example) at most one diagnostic from all the rules together,
 * none of them next to a syntax error. Syntax errors themselves are the parser's to keep to one per
 * mistake (a dropped `phase` line still gives one per orphaned line; see the parser's tests).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { basePlan } from './plan-fixtures.js';
import { wordSlips } from './word-slips.js';

const structureRules = new Set([
  'plan-header', 'variant', 'session-count', 'phase-order', 'phase-coverage',
  'phase-length', 'single-focus', 'session-dates', 'unknown-value', 'measure-schedule',
]);

/** Words a person might write instead of the right one: another value of the same kind, or a typo. */
const ALTERNATIVES: Record<string, string[]> = {
  acute: ['adolescent', 'brief', 'group', 'maintenance', 'acut'],
  weekly: ['biweekly', 'monthly', 'weekley'],
  initial: ['middle', 'termination', 'intial'],
  middle: ['initial', 'termination', 'midle'],
  termination: ['initial', 'middle', 'ending'],
  low: ['none', 'lo'],
};

function singleLineEdits(text: string): { label: string; text: string }[] {
  const lines = text.split('\n');
  const edits: { label: string; text: string }[] = [];
  const withLine = (i: number, changed: string) => ({ label: `line ${i + 1}: ${changed.trim()}`, text: lines.map((l, j) => (j === i ? changed : l)).join('\n') });
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    edits.push({ label: `drop line ${i + 1}`, text: lines.filter((_, j) => j !== i).join('\n') });
    edits.push({ label: `repeat line ${i + 1}`, text: [...lines.slice(0, i + 1), line, ...lines.slice(i + 1)].join('\n') });
    if (i + 1 < lines.length) edits.push({ label: `swap lines ${i + 1} and ${i + 2}`, text: [...lines.slice(0, i), lines[i + 1], line, ...lines.slice(i + 2)].join('\n') });
    for (const match of line.matchAll(/\b\d{1,3}\b/g)) {
      for (const delta of [-3, -1, 1, 2, 3]) {
        const value = Number(match[0]) + delta;
        if (value >= 0) edits.push(withLine(i, line.slice(0, match.index) + value + line.slice(match.index! + match[0].length)));
      }
    }
    for (const [word, others] of Object.entries(ALTERNATIVES)) {
      const pattern = new RegExp(`\\b${word}\\b`);
      if (pattern.test(line)) for (const other of others) edits.push(withLine(i, line.replace(pattern, other)));
    }
    const date = /date (\d{4}-\d{2}-\d{2})/.exec(line)?.[1];
    if (date) {
      for (const days of [-10, -5, 5, 10, 30]) {
        edits.push(withLine(i, line.replace(date, new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10))));
      }
    }
  });
  return edits;
}

/** The edits above plus the slips of the plan-content sweep: a word with its second letter dropped, or re-cased. */
function allSingleLineEdits(text: string): { label: string; text: string }[] {
  const slips = wordSlips(text).map((slip) => ({ label: slip.name, text: slip.text }));
  return [...singleLineEdits(text), ...slips].filter((edit) => edit.text !== text);
}

/** Edits that give two or more rule diagnostics, or a rule diagnostic next to a syntax error. */
function wholePlanOffenders(text: string): { edits: number; offenders: string[] } {
  const edits = allSingleLineEdits(text);
  const offenders = edits
    .map(({ label, text: edited }) => ({ label, found: analyse(edited).diagnostics }))
    .filter(({ found }) => {
      const rules = found.filter((d) => d.rule !== 'syntax');
      return rules.length > 1 || (rules.length > 0 && rules.length < found.length);
    })
    .map(({ label, found }) => `${label}: ${found.map((d) => `${d.rule} (${d.message.slice(0, 60)}…)`).join(' | ')}`);
  return { edits: edits.length, offenders };
}

function offenders(text: string): string[] {
  return singleLineEdits(text)
    .map(({ label, text: edited }) => ({ label, found: analyse(edited).diagnostics.filter((d) => structureRules.has(d.rule)) }))
    .filter(({ found }) => found.length > 1)
    .map(({ label, found }) => `${label}: ${found.map((d) => `${d.rule} (${d.message.slice(0, 60)}…)`).join(' | ')}`);
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const cleanPlansIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.ipt'))
        .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }))
        .filter(({ text }) => analyse(text).diagnostics.length === 0)
    : [];

describe('plan-structure rules: one mistake, one diagnostic', () => {
  it('covers hundreds of single-line edits of the base plan', () => {
    expect(singleLineEdits(basePlan).length).toBeGreaterThan(250);
  });

  it('gives at most one structure diagnostic for each single-line edit of the base plan', () => {
    expect(offenders(basePlan)).toEqual([]);
  });

  const samples = cleanPlansIn(path.join(repoRoot, 'samples'));
  it.each(samples.map((s) => [s.name, s.text]))('gives at most one for each single-line edit of samples/%s', (_name, text) => {
    expect(offenders(text)).toEqual([]);
  });
});

describe('all rules: one mistake, one diagnostic, over every clean plan', () => {
  const plans = [{ name: 'the base plan', text: basePlan }, ...cleanPlansIn(path.join(repoRoot, 'samples')).map((s) => ({ name: `samples/${s.name}`, text: s.text }))];
  it.each(plans.map((p) => [p.name, p.text]))('every single-line edit of %s gives at most one rule diagnostic', (_name, text) => {
    const { edits, offenders: found } = wholePlanOffenders(text);
    expect(edits).toBeGreaterThan(300);
    expect(found).toEqual([]);
  });
});

const sharedExamples = path.join(path.resolve(repoRoot, '..', 'shared'), 'design', 'examples');
describe.skipIf(!existsSync(sharedExamples))('one mistake, one diagnostic on the clean shared examples (reads ../shared/design/examples)', () => {
  it.each(cleanPlansIn(sharedExamples).map((s) => [s.name, s.text]))('gives at most one rule diagnostic for each single-line edit of %s', (_name, text) => {
    expect(offenders(text)).toEqual([]);
    expect(wholePlanOffenders(text).offenders).toEqual([]);
  });
});
