import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, remove, replace, ruleIds } from './plan-fixtures.js';

describe('initial-tasks', () => {
  it('accepts an initial phase with all five tasks', () => {
    expect(diagnosticsOf('initial-tasks', basePlan)).toEqual([]);
  });

  it('reports a missing interpersonal inventory as an error on the `phase initial` words', () => {
    const plan = replace(basePlan, '    task interpersonal-inventory\n', '    task closeness-circle\n');
    const [d, ...rest] = diagnosticsOf('initial-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      "The initial phase has no `interpersonal-inventory`. The inventory (a review of the important people in the client's life) is how IPT finds the problem area; add `task interpersonal-inventory` to an initial session.",
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
    // The fix goes to the session doing inventory-like work (the closeness circle), after its task line.
    const fix = d.fixes![0];
    expect(fix.title).toBe('Add `task interpersonal-inventory` to session 2');
    expect(fix.safe).toBe(false);
    expect(applyEdits(plan, fix.edits)).toBe(replace(plan, '    task closeness-circle\n', '    task closeness-circle\n    task interpersonal-inventory\n'));
  });

  it('reports a missing formulation as an error, with a fix in the session holding the contract', () => {
    const plan = replace(basePlan, 'task formulation, treatment-contract', 'task treatment-contract');
    const [d, ...rest] = diagnosticsOf('initial-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'The initial phase has no `formulation`. IPT links the episode to one problem area in a formulation the client agrees to before the middle phase; add `task formulation` to the last initial session.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
    expect(d.fixes![0].title).toBe('Add `task formulation` to session 3');
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(replace(plan, '    task treatment-contract\n', '    task treatment-contract\n    task formulation\n'));
  });

  it('reports sick role, treatment contract and symptom review in one warning, with a fix for each', () => {
    let plan = replace(basePlan, 'task symptom-review, sick-role, medication-review', 'task medication-review');
    plan = replace(plan, 'task formulation, treatment-contract', 'task formulation');
    const found = diagnosticsOf('initial-tasks', plan);
    expect(found.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        "The initial phase does not give the sick role (`sick-role` or `psychoeducation`): depression named as a treatable illness that is not the client's fault. Add `task sick-role` to an initial session. " +
          'The initial phase has no `treatment-contract`. IPT agrees the focus, time limit, goals and roles with the client before the middle phase; add `task treatment-contract`, usually with the formulation. ' +
          'The initial phase has no `symptom-review` (or `diagnosis`). IPT starts by reviewing symptoms and confirming the diagnosis, backed by a severity score; add `task symptom-review` to the first session.',
      ],
    ]);
    expect(found[0].range).toEqual(rangeOfText(plan, 'phase initial'));
    expect(found[0].fixes!.map((fix) => fix.title)).toEqual([
      'Add `task sick-role` to session 1',
      'Add `task treatment-contract` to session 3',
      'Add `task symptom-review` to session 1',
    ]);
  });

  it('gives one diagnostic per severity when a dropped line held tasks of both severities', () => {
    const plan = remove(basePlan, '    task formulation, treatment-contract\n');
    const found = diagnosticsOf('initial-tasks', plan);
    expect(found.map((d) => [d.severity, d.fixes!.map((fix) => fix.title)])).toEqual([
      ['error', ['Add `task formulation` to session 3']],
      ['warning', ['Add `task treatment-contract` to session 3']],
    ]);
  });

  it('says nothing when `phase initial` is written twice, and `task` does not judge either block', () => {
    const plan = replace(basePlan, 'phase middle sessions 4-13', 'phase initial sessions 4-13');
    expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
    expect(diagnosticsOf('task', plan)).toEqual([]);
    expect(ruleIds(plan)).toEqual(['phase-order']);
    // `phase initial` renamed `middle`: the initial tasks now sit in a repeated middle phase.
    const renamed = replace(basePlan, 'phase initial sessions 1-3', 'phase middle sessions 1-3');
    expect(ruleIds(renamed)).toEqual(['phase-order']);
  });

  it('accepts psychoeducation for the sick role and diagnosis for the symptom review', () => {
    const plan = replace(basePlan, 'task symptom-review, sick-role, medication-review', 'task diagnosis, psychoeducation, medication-review');
    expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
  });

  it('indents the inserted task like its siblings in a tab-indented plan', () => {
    const plan = basePlan.replace(/^ {4}/gm, '\t\t').replace(/^ {2}/gm, '\t');
    const changed = replace(plan, '\t\ttask formulation, treatment-contract\n', '\t\ttask formulation\n');
    const [d] = diagnosticsOf('initial-tasks', changed);
    expect(applyEdits(changed, d.fixes![0].edits)).toContain('\t\ttask formulation\n\t\ttask treatment-contract\n');
  });

  it('reports an initial phase with no sessions once', () => {
    const plan = replace(
      basePlan,
      `  session 1 "Assessment, diagnosis and the sick role"
    task symptom-review, sick-role, medication-review
    score PHQ-9 18
  session 2 "Interpersonal inventory"
    task interpersonal-inventory
  session 3 "Formulation and treatment contract"
    task formulation, treatment-contract
`,
      '',
    );
    const [d, ...rest] = diagnosticsOf('initial-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/^The initial phase has no sessions yet\. Plan them:/);
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
  });

  it('reports sessions planned by title only once, not once per task', () => {
    let plan = replace(basePlan, '    task symptom-review, sick-role, medication-review\n', '');
    plan = replace(plan, '    task interpersonal-inventory\n', '');
    plan = replace(plan, '    task formulation, treatment-contract\n', '');
    const [d, ...rest] = diagnosticsOf('initial-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'The initial phase lists no tasks. Add `task` lines to its sessions for the symptom review and sick role, the interpersonal inventory, and the formulation and treatment contract (e.g. `task interpersonal-inventory`).',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
  });

  it('says nothing when the initial phase is missing (phase-order reports it)', () => {
    const plan = replace(basePlan, 'phase initial sessions 1-3', 'phase intial sessions 1-3');
    expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
  });

  it('leaves a task written in another phase to the `task` rule', () => {
    const plan = remove(replace(basePlan, '    targets G1\n', '    targets G1\n    task formulation\n'), '    task formulation, treatment-contract\n');
    const found = diagnosticsOf('initial-tasks', plan);
    expect(found.map((d) => d.message.slice(0, 50))).toEqual(['The initial phase has no `treatment-contract`. IPT']);
    expect(diagnosticsOf('task', plan)).toHaveLength(1);
  });

  it('gives one diagnostic, from `initial-tasks` alone, for this mistake', () => {
    const plan = replace(basePlan, '    task interpersonal-inventory\n', '    task closeness-circle\n');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('initial-tasks');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
  });
});
