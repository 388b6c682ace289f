import { describe, expect, it } from 'vitest';
import { basePlan, diagnosticsOf, lineRange, remove, replace, ruleIds } from './plan-fixtures.js';

const id = 'single-focus';
const secondFocus = '\nfocus role-transition "Return to work after parental leave"\n';

describe('single-focus', () => {
  it('accepts exactly one focus', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it('reports a second focus on its area, pointing back at the first', () => {
    const text = replace(basePlan, '  goal G2 "State needs calmly during disagreements"\n', `  goal G2 "State needs calmly during disagreements"\n${secondFocus}`);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      "The plan already has a `role-dispute` focus (line 10); IPT works on one problem area at a time. Keep the area that matters most to the client and remove this one, or note it in the first focus's description.",
    );
    expect(d.range).toEqual(lineRange(14, 6, 21));
    expect(d.related?.[0].range.start).toEqual({ line: 9, character: 0 });
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports each focus after the first once', () => {
    const third = '\nfocus grief "Death of a grandparent last year"\n';
    const text = replace(basePlan, '\nmeasure PHQ-9 every 4', `${secondFocus}${third}\nmeasure PHQ-9 every 4`);
    const found = diagnosticsOf(id, text);
    expect(found.map((d) => d.range)).toEqual([lineRange(14, 6, 21), lineRange(16, 6, 11)]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a plan with no focus on the plan line', () => {
    const text = remove(
      basePlan,
      'focus role-dispute "Escalating conflict with partner about caring for their newborn"\n  stage renegotiation\n  goal G1 "Name each partner\'s expectations about caregiving roles"\n  goal G2 "State needs calmly during disagreements"\n\n',
    );
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The plan has no `focus`. IPT works on one problem area agreed in the formulation: add e.g. `focus role-dispute "…"` with its goals (areas: grief, role-dispute, role-transition, interpersonal-deficits).',
    );
    expect(d.range).toEqual(lineRange(0, 0, 23));
  });
});
