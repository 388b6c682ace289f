/**
 * Property tests: whatever the input, analyse() never throws and every range lies inside the text.
 * 10,000 inputs in all: random token soup, random characters, and mutations of a real plan.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import type { Analysis } from '../../../server/src/analyse.js';
import { fragments, mutate, mutation } from './mutations.js';

const PLAN = `# Acute IPT, grief.
plan "C-2207 grief"
  client "C-2207"
  variant acute
  diagnosis "Major depressive disorder, single episode" code F32.1
  sessions 12 weekly 50min
  start 2026-03-02
focus grief "Onset four months after a death"
  goal G1 "Mourn the loss"
measure BDI-II at 1, 6, 12
risk none "No ideation"
phase initial sessions 1-3
  session 1 "Assessment"
    date 2026-03-02
    task symptom-review, sick-role, interpersonal-inventory # ipt-disable-next-line phi -- x
    score BDI-II 27
  session 2-3 "Formulation"
    task formulation, treatment-contract
phase middle sessions 4-9
  session 4-9 "Reconstruct"
    technique exploratory-questioning
    targets G1
    note "She said \\"yes\\""
phase termination sessions 10-12
  session 10-12 "End"
    task review-progress, relapse-prevention, discuss-ending
`;

/** Plain checks (no `expect` in the hot loop: 10,000 inputs); a failure names what broke. */
function checkRanges(text: string, result: Analysis) {
  const fail = (what: string, d: unknown) => {
    throw new Error(`${what}: ${JSON.stringify(d)} in ${JSON.stringify(text)}`);
  };
  const lineCount = result.lines.lineCount;
  for (const d of result.diagnostics) {
    if (!(d.span.start >= 0 && d.span.end >= d.span.start && d.span.end <= text.length)) fail('span outside the text', d);
    for (const p of [d.range.start, d.range.end]) {
      if (!(p.line >= 0 && p.line < lineCount && p.character >= 0)) fail('range outside the text', d);
      if (result.lines.offsetAt(p) > text.length) fail('range past the end', d);
    }
    if (typeof d.message !== 'string' || d.message.length === 0) fail('empty message', d);
    if (d.rule === 'internal-error') fail('a rule failed', d);
    for (const fix of d.fixes ?? []) {
      for (const edit of fix.edits) {
        if (!(edit.span.start >= 0 && edit.span.end >= edit.span.start && edit.span.end <= text.length)) fail('fix edit outside the text', d);
      }
    }
  }
}

function holds(text: string) {
  checkRanges(text, analyse(text));
}

describe('analyse never throws and keeps ranges inside the text (10,000 inputs)', () => {
  test('the base plan is clean of syntax errors', () => {
    expect(analyse(PLAN).diagnostics.filter((d) => d.rule === 'syntax')).toEqual([]);
  });

  test('4,000 mutated plans', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (steps) => holds(mutate(PLAN, steps))), { numRuns: 4000 });
  }, 300_000);

  test('3,000 random token soups', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 80 }), (parts) => holds(parts.join(''))), { numRuns: 3000 });
  }, 300_000);

  test('3,000 random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => holds(text)), { numRuns: 3000 });
  }, 300_000);
});
