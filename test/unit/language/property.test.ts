/**
 * Property tests: whatever the input, analyse() never throws and every range lies inside the text.
 * 10,000 inputs in all: random token soup, random characters, and mutations of a real plan.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import type { Analysis } from '../../../server/src/analyse.js';
import { mutate } from '../../fuzz/inputs.js';

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

const fragments = [
  'plan', 'client', 'variant', 'diagnosis', 'code', 'sessions', 'start', 'focus', 'stage', 'goal', 'measure',
  'at', 'every', 'risk', 'safety-plan', 'phase', 'session', 'task', 'technique', 'targets', 'homework', 'note',
  'score', 'date', 'status', 'initial', 'middle', 'termination', 'G1', 'PHQ-9', 'grief', '12', '4-13', '4-',
  '2026-02-02', '2026-13-45', '50min', '12.5', '"text"', '"open', '"esc \\" \\\\"', ',', ' ', '  ', '\t', '\n',
  '\r\n', '\r', '#', '# ipt-disable phi', '# ipt-enable phi', '# ipt-disable-next-line score-range -- r', '@', 'é', '\u00a0', '\ufeff', '😀',
];

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

/** A mutation of the plan: delete, insert or replace a run of characters, or swap two lines. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), text: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

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
