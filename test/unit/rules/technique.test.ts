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

  it('explains a non-IPT technique in either spelling, and slightly misspelt, instead of inviting it into the vocabulary', () => {
    const reason =
      '`{w}` is not an IPT technique. Behavioural activation schedules activities to lift mood, a behavioural method, whereas IPT changes mood through relationships — use decision-analysis to choose an interpersonal step and work-at-home to try it instead.';
    for (const word of ['behavioural-activation', 'behavioral-activation', 'behavioral-activaton']) {
      const plan = replace(basePlan, 'technique role-play, decision-analysis', `technique role-play, ${word}`);
      const d = onlyDiagnostic(plan);
      expect([d.rule, d.message]).toEqual(['technique', reason.replace('{w}', word)]);
    }
  });

  it('accepts the directive techniques as clinicians write them (advice, education, modelling or modeling)', () => {
    for (const word of ['directive', 'advice', 'education', 'modelling', 'modeling', 'psychoeducation']) {
      const plan = replace(basePlan, 'technique role-play, decision-analysis', `technique role-play, ${word}`);
      expect(diagnosticsOf('technique', plan), word).toEqual([]);
    }
  });

  it('takes `technique psychoeducation` in the initial phase for the task it is there, and counts it for the sick role', () => {
    const plan = replace(basePlan, 'task symptom-review, sick-role, medication-review', 'task symptom-review, medication-review\n    technique psychoeducation');
    const noTitle = replace(plan, 'session 1 "Assessment, diagnosis and the sick role"', 'session 1 "Week 1"');
    const d = onlyDiagnostic(noTitle);
    expect(d.rule).toBe('technique');
    expect(d.message).toBe('`psychoeducation` in the initial phase is the task (psychoeducation), not a technique. List it on a `task` line, where it counts for the phase\'s tasks.');
    expect(applyEdits(noTitle, d.fixes![0].edits)).toContain('    task psychoeducation\n');
  });

  it('moves a task out of a list of techniques to the session\'s task line, or to a new one', () => {
    // A session with a task line: the task joins it.
    const withTask = replace(basePlan, '    task interpersonal-inventory\n', '    task interpersonal-inventory\n    technique exploratory-questioning, onset-review, clarification\n');
    const [d] = diagnosticsOf('technique', withTask);
    expect(d.fixes!.map((fix) => fix.title)).toEqual(['Move `onset-review` to a `task` line']);
    expect(applyEdits(withTask, d.fixes![0].edits)).toContain('    task interpersonal-inventory, onset-review\n    technique exploratory-questioning, clarification\n');
    // The first of the list, in a session without a task line: a new line under the techniques.
    const noTask = replace(basePlan, '    targets G1\n', '    targets G1\n    technique mood-event-review, clarification\n');
    const [e] = diagnosticsOf('technique', noTask);
    expect(applyEdits(noTask, e.fixes![0].edits)).toContain('    technique clarification\n    task mood-event-review\n');
  });
});
