import { describe, expect, it } from 'vitest';
import { applyEdits, basePlan, diagnosticsOf, lineRange, remove, replace, ruleIds } from './plan-fixtures.js';

const id = 'plan-header';

describe('plan-header', () => {
  it('accepts a plan with a title, diagnosis and sessions, each once', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it('reports a missing `sessions` line on the plan line, and nothing else', () => {
    const text = remove(basePlan, '  sessions 16 weekly 50min\n');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'The plan has no `sessions` line, so its time limit is not set. IPT fixes the number of sessions at the start: add e.g. `sessions 16 weekly 50min` under `plan`.',
    );
    expect(d.range).toEqual(lineRange(0, 0, 23));
    // Rules that need the planned total stay silent: one mistake, one diagnostic.
    expect(ruleIds(text)).toEqual([id]);
    // The phases end at 16 and acute IPT is weekly: the quick fix adds what they imply, after the header.
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0]).toMatchObject({ title: 'Add `sessions 16 weekly` (the phases end at session 16)', safe: false });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(replace(basePlan, '  sessions 16 weekly 50min\n', '').replace('  start 2026-02-02\n', '  start 2026-02-02\n  sessions 16 weekly\n'));
  });

  it('reports a missing `diagnosis` with an example to add', () => {
    const text = remove(basePlan, '  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1\n');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toContain('The plan has no `diagnosis` line.');
    expect(d.message).toContain('e.g. `diagnosis "Major depressive disorder, recurrent, moderate" code F33.1`');
    expect(d.range).toEqual(lineRange(0, 0, 23));
  });

  it('reports a header field given twice on the second, pointing back at the first', () => {
    const text = replace(basePlan, '  start 2026-02-02\n', '  start 2026-02-02\n  clinician "K. Lee, LCSW"\n');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('`clinician` is already given on line 3; a plan has one `clinician`. Keep the right one and delete the other.');
    expect(d.range).toEqual(lineRange(8, 2, 11));
    expect(d.related?.[0].range).toEqual(lineRange(2, 2, 29));
    expect(d.fixes?.[0]).toMatchObject({ title: 'Delete this second `clinician` line', safe: false });
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports a missing title on the `plan` keyword', () => {
    const [d] = diagnosticsOf(id, replace(basePlan, 'plan "C-0142 acute IPT"', 'plan'));
    expect(d.message).toBe('The plan has no title. Add a short title with the client code, never a name, e.g. `plan "C-0142 acute IPT"`.');
    expect(d.range).toEqual(lineRange(0, 0, 4));
  });

  it('reports an empty title on the string', () => {
    const [d] = diagnosticsOf(id, replace(basePlan, 'plan "C-0142 acute IPT"', 'plan "  "'));
    expect(d.message).toContain('The plan title is empty.');
    expect(d.range).toEqual(lineRange(0, 5, 9));
  });

  it('reports header fields with no `plan` line above them on the first line', () => {
    const text = '# Draft plan\n' + remove(basePlan, 'plan "C-0142 acute IPT"\n');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toContain('This file has no `plan` line.');
    expect(d.range).toEqual(lineRange(0, 0, 12));
  });

  describe('a header written twice: only the duplicate is reported (its value is unknown to the other rules)', () => {
    it.each([
      ['sessions 16 weekly 50min', 'sessions 12 weekly 50min'],
      ['sessions 12 weekly 50min', 'sessions 16 weekly 50min'],
    ])('`%s`, then `%s`', (first, second) => {
      const plan = replace(basePlan, '  sessions 16 weekly 50min\n', `  ${first}\n  ${second}\n`);
      expect(ruleIds(plan)).toEqual([id]);
    });

    it('a repeated `variant` (acute, then brief) gives only the duplicate', () => {
      expect(ruleIds(replace(basePlan, '  variant acute\n', '  variant acute\n  variant brief\n'))).toEqual([id]);
      expect(ruleIds(replace(basePlan, '  variant acute\n', '  variant brief\n  variant acute\n'))).toEqual([id]);
    });

    it('a repeated `start` gives only the duplicate', () => {
      const dated = replace(basePlan, '  session 2 "Interpersonal inventory"\n', '  session 2 "Interpersonal inventory"\n    date 2026-02-09\n');
      expect(ruleIds(replace(dated, '  start 2026-02-02\n', '  start 2026-02-02\n  start 2026-03-02\n'))).toEqual([id]);
      expect(ruleIds(replace(dated, '  start 2026-02-02\n', '  start 2026-03-02\n  start 2026-02-02\n'))).toEqual([id]);
    });
  });
});
