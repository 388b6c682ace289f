import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, replace, ruleIds } from './plan-fixtures.js';

describe('task', () => {
  it('accepts known tasks in their phases, and risk-review in any phase', () => {
    expect(diagnosticsOf('task', basePlan)).toEqual([]);
    const plan = replace(basePlan, '    targets G1\n', '    targets G1\n    task risk-review, mood-event-review\n');
    expect(diagnosticsOf('task', plan)).toEqual([]);
  });

  it('accepts the opening question (`mood-event-review`) in every phase: it runs to the end of treatment', () => {
    const termination = replace(basePlan, '    task relapse-prevention\n', '    task mood-event-review, relapse-prevention\n');
    expect(diagnosticsOf('task', termination)).toEqual([]);
    const initial = replace(basePlan, '    task interpersonal-inventory\n', '    task mood-event-review, interpersonal-inventory\n');
    expect(diagnosticsOf('task', initial)).toEqual([]);
  });

  it('reports a misspelt task with a safe did-you-mean fix', () => {
    const plan = replace(basePlan, 'task interpersonal-inventory', 'task interpersonal-inventroy');
    const [d, ...rest] = diagnosticsOf('task', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('`interpersonal-inventroy` is not a known IPT task. Did you mean `interpersonal-inventory`?');
    expect(d.range).toEqual(rangeOfText(plan, 'interpersonal-inventroy'));
    expect(d.fixes![0].safe).toBe(true);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('says which phase a misplaced task belongs to', () => {
    const plan = replace(basePlan, '    task relapse-prevention\n', '    task relapse-prevention, formulation\n');
    const [d, ...rest] = diagnosticsOf('task', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      '`formulation` belongs to the initial phase, not the termination phase. Move it to a session of the initial phase, or remove it here.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'formulation', 1));
  });

  it('points a technique written as a task to `technique`', () => {
    const plan = replace(basePlan, '    targets G1\n', '    targets G1\n    task role-play\n');
    const [d] = diagnosticsOf('task', plan);
    expect(d.message).toBe('`role-play` is a technique, not a task. List it on a `technique` line instead.');
    expect(d.range).toEqual(rangeOfText(plan, 'role-play', 0));
  });

  it('lists example tasks for an unknown one and accepts tasks added in config', () => {
    const plan = replace(basePlan, '    targets G1\n', '    targets G1\n    task genogram\n');
    const [d] = diagnosticsOf('task', plan);
    expect(d.message).toBe(
      '`genogram` is not a known IPT task. Use a task from the catalogue (e.g. `symptom-review`, `interpersonal-inventory`, `review-progress`), or add it to `vocabulary.tasks` in .iptrc.json with the phases it belongs to.',
    );
    const config = resolveConfig({ vocabulary: { tasks: [{ id: 'genogram', phases: ['middle'] }] } });
    expect(diagnosticsOf('task', plan, { config })).toEqual([]);
  });

  it('says nothing about phase fit for sessions outside their block\'s range (a lost `phase` line)', () => {
    const deleted = replace(basePlan, 'phase termination sessions 14-16\n', '');
    expect(diagnosticsOf('task', deleted)).toEqual([]);
    const misspelt = replace(basePlan, 'phase termination sessions 14-16', 'pase termination sessions 14-16');
    expect(diagnosticsOf('task', misspelt)).toEqual([]);
    expect(diagnosticsOf('syntax', misspelt)).toHaveLength(1);
  });

  it('says nothing about phase fit inside a phase with an unknown name', () => {
    const plan = replace(replace(basePlan, 'phase termination', 'phase ending'), '    task relapse-prevention\n', '    task relapse-prevention, formulation\n');
    expect(diagnosticsOf('task', plan)).toEqual([]);
  });

  it('gives one diagnostic, from `task` alone, for this mistake', () => {
    const plan = replace(basePlan, 'task interpersonal-inventory', 'task interpersonal-inventroy');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('task');
    expect(d.severity).toBe('warning');
    expect(d.range).toEqual(rangeOfText(plan, 'interpersonal-inventroy'));
  });

  it('allows a mid-course medication review and progress review in the middle phase', () => {
    const plan = replace(basePlan, '    targets G2\n', '    targets G2\n    task medication-review, review-progress\n');
    expect(diagnosticsOf('task', plan)).toEqual([]);
    expect(ruleIds(plan)).toEqual([]);
  });
});
