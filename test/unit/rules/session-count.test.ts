import { describe, expect, it } from 'vitest';
import { applyEdits, basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'session-count';

describe('session-count', () => {
  it('accepts a total within the variant range', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it('reports a total above the range, with an unsafe fix to the upper bound', () => {
    const text = replace(basePlan, 'sessions 16 weekly', 'sessions 20 weekly');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Acute IPT plans have 12–16 sessions; this plan has 20. Shorten it, or set `variant` if this is another IPT format.');
    expect(d.range).toEqual(lineRange(6, 11, 13));
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0]).toMatchObject({ title: 'Set the planned total to 16', safe: false });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
    // The phases still end at 16: the wrong total is reported once, not again by phase-coverage.
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports a total below the range, with a fix to the lower bound', () => {
    const [d] = diagnosticsOf(id, replace(basePlan, 'sessions 16 weekly', 'sessions 10 weekly'));
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Acute IPT plans have 12–16 sessions; this plan has 10. Lengthen it, or set `variant` if this is another IPT format.');
    expect(d.range).toEqual(lineRange(6, 11, 13));
    expect(d.fixes![0].title).toBe('Set the planned total to 12');
  });

  it('uses an open-ended range for maintenance IPT', () => {
    const text = replace(replace(basePlan, 'variant acute', 'variant maintenance'), 'sessions 16 weekly', 'sessions 2 weekly');
    const [d] = diagnosticsOf(id, text);
    expect(d.message).toBe('Maintenance IPT (IPT-M) plans have at least 4 sessions; this plan has 2. Lengthen it, or set `variant` if this is another IPT format.');
    expect(d.range).toEqual(lineRange(6, 11, 12));
    expect(diagnosticsOf(id, replace(basePlan, 'variant acute', 'variant maintenance'))).toEqual([]);
  });

  it('says nothing when the variant is unknown (`variant` reports it)', () => {
    expect(diagnosticsOf(id, replace(replace(basePlan, 'variant acute', 'variant ptsd'), 'sessions 16', 'sessions 14'))).toEqual([]);
  });

  it('leaves a plan whose cadence does not fit the variant to `variant` (the variant may be the wrong one)', () => {
    const text = replace(basePlan, 'sessions 16 weekly', 'sessions 8 biweekly');
    expect(diagnosticsOf(id, text)).toEqual([]);
  });
});
