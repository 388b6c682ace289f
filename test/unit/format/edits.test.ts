import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEdits, lineEdits } from '../../../server/src/format/edits.js';
import { format } from '../../../server/src/format/format.js';
import type { TextEdit } from '../../../server/src/language/diagnostic.js';
import { mangle } from './mangle.js';
import { canonicalPlan } from './plans.js';

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

function editsOf(text: string): TextEdit[] {
  const result = formatEdits(text);
  if ('error' in result) throw new Error(result.error);
  return result.edits;
}

describe('formatEdits', () => {
  it('returns no edits for a canonical plan', () => {
    expect(editsOf(canonicalPlan)).toEqual([]);
  });

  it('replaces only the one line that is off', () => {
    const text = canonicalPlan.replace('  client "C-0142"', '      client    "C-0142"');
    const edits = editsOf(text);
    expect(edits).toHaveLength(1);
    expect(text.slice(edits[0].span.start, edits[0].span.end)).toBe('      client    "C-0142"\n');
    expect(edits[0].newText).toBe('  client "C-0142"\n');
  });

  it('deletes an extra blank line without touching its neighbours', () => {
    const text = canonicalPlan.replace('  session 2 "Interpersonal inventory"', '\n  session 2 "Interpersonal inventory"');
    const edits = editsOf(text);
    expect(edits).toHaveLength(1);
    expect(edits[0].newText).toBe('');
    expect(text.slice(edits[0].span.start, edits[0].span.end)).toBe('\n');
  });

  it('adds a missing final newline as a change of the last line', () => {
    const text = 'plan "P"\n  client "C-1"';
    expect(apply(text, editsOf(text))).toBe('plan "P"\n  client "C-1"\n');
  });

  it('passes on the formatter refusal', () => {
    expect(formatEdits('plan "P\n')).toHaveProperty('error');
  });

  it('applied to any mangled plan, gives the formatted text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 20, maxLength: 120 }), (choices) => {
        const messy = mangle(canonicalPlan, choices);
        const result = format(messy);
        if ('error' in result) throw new Error(result.error);
        expect(apply(messy, editsOf(messy))).toBe(result.text);
      }),
      { numRuns: 100 },
    );
  });

  it('lineEdits turns any text into any other (property)', () => {
    const lines = fc.array(fc.constantFrom('a\n', 'b\n', 'c\r\n', '\n', 'd'), { maxLength: 12 }).map((l) => l.join(''));
    fc.assert(fc.property(lines, lines, (before, after) => apply(before, lineEdits(before, after)) === after));
  });
});

describe('formatEdits on a large plan', () => {
  it('edits each changed line of a 2,000-line plan separately, fast', () => {
    // 497 entries: sessions 4-500 (500 is the most a plan can number, see language/limits.ts).
    const sessions = Array.from({ length: 497 }, (_, i) => `  session ${i + 4} "S"\n\ttask mood-event-review\n    targets G1\n`).join('');
    const text = `plan "P"\n  sessions 16\n\nphase middle sessions 4-500\n${sessions}`;
    const started = performance.now();
    const edits = editsOf(text);
    const elapsed = performance.now() - started;
    expect(edits).toHaveLength(497);
    expect(edits.every((e) => e.newText === '    task mood-event-review\n')).toBe(true);
    const result = format(text);
    if ('error' in result) throw new Error(result.error);
    expect(apply(text, edits)).toBe(result.text);
    expect(elapsed).toBeLessThan(2000);
  });
});
