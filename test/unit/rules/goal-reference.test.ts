import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, replace } from './plan-fixtures.js';

/** The range of `word` written right after the `occurrence`-th `prefix`. */
function wordAfter(text: string, prefix: string, word: string, occurrence = 0) {
  const at = rangeOfText(text, prefix, occurrence).end;
  return { start: at, end: { line: at.line, character: at.character + word.length } };
}

describe('goal-reference', () => {
  it('accepts goals that are defined once and targeted in the middle phase', () => {
    expect(diagnosticsOf('goal-reference', basePlan)).toEqual([]);
  });

  it('reports a target with no goal, offering to define it under the focus', () => {
    const plan = replace(basePlan, 'targets G2', 'targets G2, G3');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('No goal `G3` is defined. Add `goal G3 "…"` under the focus, or target one of `G1`, `G2`.');
    expect(d.range).toEqual(rangeOfText(plan, 'G3'));
    // G3 is as close to G1 as to G2: no guess, only the "define it" fix.
    expect(d.fixes?.map((fix) => fix.title)).toEqual(['Define goal `G3` under the focus']);
    expect(applyEdits(plan, d.fixes![0].edits)).toContain(
      '  goal G2 "State needs calmly during disagreements"\n  goal G3 "TODO: describe goal G3"\n\nmeasure',
    );
  });

  it('reports an undefined id once, listing its other uses', () => {
    const plan = replace(replace(basePlan, '    targets G1\n', '    targets G1, G4\n'), 'targets G2', 'targets G2, G4');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'No goal `G4` is defined. Add `goal G4 "…"` under the focus, or target one of `G1`, `G2`. (`G4` is also targeted on one more line.)',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'G4', 0));
    expect(d.related?.map((r) => r.range)).toEqual([rangeOfText(plan, 'G4', 1)]);
  });

  it('offers a did-you-mean when one goal is clearly meant', () => {
    const plan = replace(basePlan, 'targets G2', 'targets G22');
    // One mistake, one diagnostic: no extra "G2 is not targeted" warning.
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('No goal `G22` is defined. Did you mean `G2`? Otherwise add `goal G22 "…"` under the focus.');
    expect(d.range).toEqual(rangeOfText(plan, 'G22'));
    expect(d.fixes?.map((fix) => fix.title)).toEqual(['Change to `G2`', 'Define goal `G22` under the focus']);
    expect(d.fixes![0].safe).toBeFalsy();
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('gives a safe fix when the id differs from a goal only in case', () => {
    const plan = replace(basePlan, 'targets G2', 'targets g2');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.message).toBe('No goal `g2` is defined; goal ids are case-sensitive, and this one is `G2`. Write `G2`.');
    expect(d.range).toEqual(rangeOfText(plan, 'g2'));
    expect(d.fixes?.map((fix) => [fix.title, fix.safe])).toEqual([['Change to `G2`', true]]);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('gives the case fix when a third goal is targeted as `g3` (G1, G2 and G3 defined)', () => {
    const plan = replace(
      replace(basePlan, '  goal G2 "State needs calmly during disagreements"\n', '  goal G2 "State needs calmly during disagreements"\n  goal G3 "Return to a weekly walk with a friend"\n'),
      'targets G2',
      'targets G2, g3',
    );
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.fixes?.map((fix) => [fix.title, fix.safe])).toEqual([['Change to `G3`', true]]);
    expect(diagnosticsOf('goal-reference', applyEdits(plan, d.fixes![0].edits))).toEqual([]);
  });

  it('reports a goal id defined twice, pointing back at the first', () => {
    const plan = replace(basePlan, '  goal G2 "State needs calmly during disagreements"\n', '  goal G2 "State needs calmly during disagreements"\n  goal G1 "Agree a weekly check-in"\n');
    const [duplicate, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(duplicate.severity).toBe('error');
    expect(duplicate.message).toBe(
      'Goal `G1` is already defined. Give this goal its own id (and update the `targets` lines that mean it), or remove the duplicate.',
    );
    expect(duplicate.range).toEqual(rangeOfText(plan, 'G1', 1));
    expect(duplicate.related?.[0].range).toEqual(rangeOfText(plan, 'G1', 0));
    expect(duplicate.related?.[0].message).toBe('`G1` is first defined here');
  });

  it('pairs a duplicate id with the one target that names no goal: one diagnostic', () => {
    const plan = replace(basePlan, 'goal G2 "State needs', 'goal G1 "State needs');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Goal `G1` is already defined, and `targets` names `G2`, which no goal defines. Did you mean `goal G2` here?');
    expect(d.range).toEqual(rangeOfText(plan, 'G1', 1));
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('warns about a goal that no middle-phase session targets', () => {
    const plan = replace(basePlan, '    targets G2\n', '');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'No middle-phase session targets goal `G2`. Add `targets G2` to the session(s) that work on it, or remove the goal if it is no longer part of the plan.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'G2'));
  });

  it('does not count targets outside the middle phase', () => {
    let plan = replace(basePlan, '    targets G2\n', '');
    plan = replace(plan, '    task review-progress\n', '    task review-progress\n    targets G2\n');
    expect(diagnosticsOf('goal-reference', plan).map((d) => d.severity)).toEqual(['warning']);
  });

  it('pairs a misspelt target with the one untargeted goal: one diagnostic on the target', () => {
    const plan = replace(basePlan, 'targets G2', 'targets G');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'No goal `G` is defined. Did you mean `G2`, the one goal no middle-phase session targets? Otherwise add `goal G "…"` under the focus.',
    );
    expect(d.range).toEqual(wordAfter(plan, '    targets ', 'G', 1));
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('pairs a misnamed goal with the id several targets use: one diagnostic on the goal', () => {
    const plan = replace(replace(basePlan, 'goal G2 "State', 'goal G "State'), '    targets G1\n', '    targets G1, G2\n');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'No middle-phase session targets goal `G`, and `targets` lines name `G2`, which no goal defines. Did you mean `goal G2` here?',
    );
    expect(d.range).toEqual(wordAfter(plan, '  goal ', 'G', 1));
  });

  it('reports a middle phase with no sessions once, not once per goal', () => {
    const start = basePlan.indexOf('  session 4-7');
    const end = basePlan.indexOf('phase termination');
    const plan = `${basePlan.slice(0, start)}\n${basePlan.slice(end)}`;
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The middle phase has no sessions yet, so no session works on `G1`, `G2`. Plan its sessions, each with a `targets` line naming the goals it works on.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase middle'));
  });

  it('says nothing about targeting when the middle phase is missing', () => {
    const plan = replace(basePlan, 'phase middle sessions 4-13', 'phase midle sessions 4-13');
    expect(diagnosticsOf('goal-reference', plan)).toEqual([]);
  });

  it('gives one diagnostic, from `goal-reference` alone, for this mistake', () => {
    const plan = replace(basePlan, 'targets G2', 'targets G2, G3');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('goal-reference');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOfText(plan, 'G3'));
  });

  it('says where a goal targeted only outside the middle phase is targeted, and why that does not count', () => {
    let plan = replace(basePlan, '  goal G2 "State needs calmly during disagreements"\n', '  goal G2 "State needs calmly during disagreements"\n  goal G3 "Keep the check-ins going after treatment"\n');
    plan = replace(plan, '    task relapse-prevention\n', '    task relapse-prevention\n    targets G3\n');
    const [d, ...rest] = diagnosticsOf('goal-reference', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'Goal `G3` is targeted only in session 15 (termination phase), which does not count: IPT works on its goals in the middle phase. Add `targets G3` to the middle-phase session(s) that work on it, or remove the goal if it is no longer part of the plan.',
    );
    expect(d.related?.map((r) => r.message)).toEqual(['`G3` is targeted here, in the termination phase.']);
    const twice = replace(plan, '    task review-progress\n', '    task review-progress\n    targets G3\n');
    expect(diagnosticsOf('goal-reference', twice)[0].message).toContain('Goal `G3` is targeted only in sessions 14 and 15 (termination phase), which does not count');
  });
});
