import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { onlyDiagnostic } from './content-helpers.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, remove, replace, ruleIds } from './plan-fixtures.js';

/**
 * The base plan with termination sessions titled by week only: their titles no longer say the tasks
 * in words, so a dropped `task` line is a missing task (words in a title or note count, see below).
 */
const plainPlan = replace(
  replace(replace(basePlan, 'session 14 "Review progress"', 'session 14 "Week 14"'), 'session 15 "Relapse warning signs"', 'session 15 "Week 15"'),
  'session 16 "Ending and next steps"',
  'session 16 "Week 16"',
);

describe('termination-tasks', () => {
  it('accepts a termination phase that reviews progress, prevents relapse and discusses the ending', () => {
    expect(diagnosticsOf('termination-tasks', basePlan)).toEqual([]);
  });

  it('warns when the ending is not discussed, with a fix for the last session', () => {
    const plan = replace(plainPlan, 'task discuss-ending, maintenance-plan', 'task maintenance-plan');
    const [d, ...rest] = diagnosticsOf('termination-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The termination phase has no `discuss-ending`. IPT discusses the ending explicitly (it is a role transition of its own, often with sadness); add `task discuss-ending` to the last session.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase termination'));
    expect(d.fixes![0].title).toBe('Add `task discuss-ending` to session 16');
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(`${plan}    task discuss-ending\n`);
  });

  it('warns about missing progress review and relapse prevention in one diagnostic, with a fix for each', () => {
    let plan = replace(plainPlan, '    task review-progress\n', '    note "Homework check"\n');
    plan = remove(plan, '    task relapse-prevention\n');
    const [d, ...rest] = diagnosticsOf('termination-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The termination phase has no `review-progress`. Reviewing the gains and crediting the client with the change consolidates them; add `task review-progress` to a termination session. ' +
        'The termination phase has no `relapse-prevention`. Review the warning signs of relapse and agree what to do if they return; add `task relapse-prevention` to a termination session.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase termination'));
    // Relapse prevention goes where the maintenance plan is; progress review into the first session.
    expect(d.fixes!.map((fix) => fix.title)).toEqual(['Add `task review-progress` to session 14', 'Add `task relapse-prevention` to session 16']);
    const fixed = applyEdits(plan, d.fixes![0].edits);
    expect(fixed).toContain('  session 14 "Week 14"\n    note "Homework check"\n    task review-progress\n');
  });

  it('gives one diagnostic when a line listing two required tasks is dropped', () => {
    const plan = remove(plainPlan, '    task discuss-ending, maintenance-plan\n');
    const found = diagnosticsOf('termination-tasks', plan);
    expect(found).toHaveLength(1);
    expect(found[0].fixes!.map((fix) => fix.title)).toEqual(['Add `task discuss-ending` to session 16']);
  });

  it('says nothing about a termination phase whose name is written twice (`phase-order` reports it)', () => {
    const plan = replace(plainPlan, 'phase middle sessions 4-13', 'phase termination sessions 4-13');
    expect(diagnosticsOf('termination-tasks', plan)).toEqual([]);
    expect(diagnosticsOf('task', plan)).toEqual([]);
    expect(ruleIds(plan)).toEqual(['phase-order']);
  });

  it('reports a termination phase without task lines once', () => {
    let plan = replace(plainPlan, '    task review-progress\n', '');
    plan = replace(plan, '    task relapse-prevention\n', '');
    plan = replace(plan, '    task discuss-ending, maintenance-plan\n', '');
    const [d, ...rest] = diagnosticsOf('termination-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The termination phase lists no tasks. Add `task` lines to its sessions for reviewing progress, relapse prevention and discussing the ending (e.g. `task review-progress`).',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase termination'));
  });

  it('says nothing when the termination phase is missing (phase-order reports it)', () => {
    const start = plainPlan.indexOf('phase termination');
    expect(diagnosticsOf('termination-tasks', plainPlan.slice(0, start))).toEqual([]);
  });

  it('gives one diagnostic, from `termination-tasks` alone, for this mistake', () => {
    const plan = replace(plainPlan, 'task discuss-ending, maintenance-plan', 'task maintenance-plan');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('termination-tasks');
    expect(d.severity).toBe('warning');
    expect(d.range).toEqual(rangeOfText(plan, 'phase termination'));
  });

  it('counts a task a termination session says in words, in its title or a note', () => {
    // The base plan's titles say every task ("Review progress", "Relapse warning signs", "Ending and next steps").
    let titled = remove(basePlan, '    task review-progress\n');
    titled = remove(titled, '    task relapse-prevention\n');
    titled = replace(titled, 'task discuss-ending, maintenance-plan', 'task maintenance-plan');
    expect(diagnosticsOf('termination-tasks', titled)).toEqual([]);
    const said: [string, string, string][] = [
      ['    task review-progress\n', '', 'Look back at gains and scores'],
      ['    task review-progress\n', '', 'Progress review with PHQ-9'],
      ['    task relapse-prevention\n', '', 'Staying-well plan'],
      ['    task relapse-prevention\n', '', 'Early warning signs and what to do'],
      ['task discuss-ending, maintenance-plan', 'task maintenance-plan', 'Saying goodbye'],
      ['task discuss-ending, maintenance-plan', 'task maintenance-plan', 'Feelings about ending therapy'],
    ];
    for (const [from, to, words] of said) {
      const plan = replace(plainPlan, from, to);
      expect(diagnosticsOf('termination-tasks', plan), `${words}: without`).toHaveLength(1);
      expect(diagnosticsOf('termination-tasks', replace(plan, 'session 15 "Week 15"', `session 15 "${words}"`)), `${words} (title)`).toEqual([]);
      expect(diagnosticsOf('termination-tasks', replace(plan, '  session 15 "Week 15"\n', `  session 15 "Week 15"\n    note "${words}"\n`)), `${words} (note)`).toEqual([]);
    }
  });

  it('asks for a progress review at the end even when the middle phase held one (a mid-course review is allowed there)', () => {
    const plan = replace(remove(plainPlan, '    task review-progress\n'), '    targets G2\n', '    targets G2\n    task review-progress\n');
    expect(diagnosticsOf('task', plan)).toEqual([]);
    const found = diagnosticsOf('termination-tasks', plan);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^The termination phase has no `review-progress`\./);
  });

  it('follows `requiredTasks` in config: a maintenance plan required at the end of acute IPT', () => {
    const config = resolveConfig({ variants: { acute: { requiredTasks: { termination: { 'maintenance-plan': 'warning' } } } } });
    const plan = replace(plainPlan, 'task discuss-ending, maintenance-plan', 'task discuss-ending');
    expect(diagnosticsOf('termination-tasks', plan)).toEqual([]);
    const [d, ...rest] = diagnosticsOf('termination-tasks', plan, { config });
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The termination phase has no `maintenance-plan`. Decide whether more treatment is needed and agree a continuation or maintenance contract; add `task maintenance-plan` to the last session.',
    );
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(replace(plan, '    task discuss-ending\n', '    task discuss-ending\n    task maintenance-plan\n'));
  });
});
