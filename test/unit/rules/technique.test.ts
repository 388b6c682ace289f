import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, replace } from './plan-fixtures.js';

describe('technique', () => {
  it('accepts IPT techniques, in any phase', () => {
    expect(diagnosticsOf('technique', basePlan)).toEqual([]);
    const plan = replace(basePlan, '    task interpersonal-inventory\n', '    task interpersonal-inventory\n    technique exploratory-questioning\n');
    expect(diagnosticsOf('technique', plan)).toEqual([]);
  });

  it('explains a known non-IPT technique with the catalogue reason', () => {
    const plan = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, cognitive-restructuring');
    const [d, ...rest] = diagnosticsOf('technique', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      '`cognitive-restructuring` is not an IPT technique. Cognitive restructuring is a CBT technique that targets thoughts; IPT works on the interpersonal context of mood — use communication-analysis or clarification instead.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'cognitive-restructuring'));
  });

  it('reports a misspelt technique with a safe did-you-mean fix', () => {
    const plan = replace(basePlan, 'technique role-play, decision-analysis', 'technique roleplay, decision-analysis');
    const [d, ...rest] = diagnosticsOf('technique', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('`roleplay` is not a known IPT technique. Did you mean `role-play`?');
    expect(d.range).toEqual(rangeOfText(plan, 'roleplay'));
    expect(d.fixes![0].safe).toBe(true);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('reports an unknown technique with no close match and accepts it once config adds it', () => {
    const plan = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, genogram');
    const [d] = diagnosticsOf('technique', plan);
    expect(d.message).toBe(
      '`genogram` is not a known IPT technique. Use an IPT technique (e.g. `exploratory-questioning`, `communication-analysis`, `role-play`), or add it to `vocabulary.techniques` in .iptrc.json if your service uses it.',
    );
    expect(d.fixes).toBeUndefined();
    const config = resolveConfig({ vocabulary: { techniques: ['genogram'] } });
    expect(diagnosticsOf('technique', plan, { config })).toEqual([]);
  });

  it('points a task written as a technique to `task`', () => {
    const plan = replace(basePlan, '    targets G1\n', '    targets G1\n    technique mood-event-review\n');
    const [d, ...rest] = diagnosticsOf('technique', plan);
    expect(rest).toEqual([]);
    expect(d.message).toBe('`mood-event-review` is an IPT task, not a technique. List it on a `task` line instead.');
    expect(d.range).toEqual(rangeOfText(plan, 'mood-event-review'));
    expect(applyEdits(plan, d.fixes![0].edits)).toContain('    task mood-event-review\n');
    expect(d.fixes![0].safe).toBeFalsy();
  });

  it('gives one diagnostic, from `technique` alone, for this mistake', () => {
    const plan = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, cognitive-restructuring');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('technique');
    expect(d.severity).toBe('warning');
    expect(d.range).toEqual(rangeOfText(plan, 'cognitive-restructuring'));
  });
});
