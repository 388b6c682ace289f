import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, replace } from './plan-fixtures.js';

const FOCUS = 'focus role-dispute "Escalating conflict';

describe('focus-area', () => {
  it('accepts the four problem areas and the interpersonal-sensitivity alias', () => {
    expect(diagnosticsOf('focus-area', basePlan)).toEqual([]);
    for (const area of ['grief', 'role-transition', 'interpersonal-deficits', 'interpersonal-sensitivity']) {
      const plan = replace(basePlan, FOCUS, `focus ${area} "Escalating conflict`);
      expect(diagnosticsOf('focus-area', plan)).toEqual([]);
    }
  });

  it('reports a misspelt area with a did-you-mean and a safe fix', () => {
    const plan = replace(basePlan, FOCUS, 'focus role-dispte "Escalating conflict');
    const [d, ...rest] = diagnosticsOf('focus-area', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('`role-dispte` is not an IPT problem area. Did you mean `role-dispute`?');
    expect(d.range).toEqual(rangeOfText(plan, 'role-dispte'));
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0].safe).toBe(true);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('reports an area with no close match and lists the known ones', () => {
    const plan = replace(basePlan, FOCUS, 'focus loneliness "Escalating conflict');
    const [d, ...rest] = diagnosticsOf('focus-area', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      '`loneliness` is not an IPT problem area. Use one of `grief`, `role-dispute`, `role-transition`, `interpersonal-deficits`, or add it to `vocabulary.problemAreas` in .iptrc.json if your IPT adaptation defines it.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'loneliness'));
    expect(d.fixes).toBeUndefined();
  });

  it('accepts an area added in config', () => {
    const plan = replace(basePlan, FOCUS, 'focus loss-of-healthy-self "Escalating conflict');
    expect(diagnosticsOf('focus-area', plan)).toHaveLength(1);
    const config = resolveConfig({ vocabulary: { problemAreas: ['loss-of-healthy-self'] } });
    expect(diagnosticsOf('focus-area', plan, { config })).toEqual([]);
  });

  it('gives one diagnostic, from `focus-area` alone, for this mistake', () => {
    const plan = replace(basePlan, FOCUS, 'focus role-dispte "Escalating conflict');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('focus-area');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOfText(plan, 'role-dispte'));
  });
});
