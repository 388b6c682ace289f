import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, remove, replace, ruleIds } from './plan-fixtures.js';

/**
 * The base plan with initial sessions titled by week only: their titles no longer say the tasks in
 * words, so a dropped `task` line is a missing task (words in a title or note count, see below).
 */
const plainPlan = replace(
  replace(replace(basePlan, 'session 1 "Assessment, diagnosis and the sick role"', 'session 1 "Week 1"'), 'session 2 "Interpersonal inventory"', 'session 2 "Week 2"'),
  'session 3 "Formulation and treatment contract"',
  'session 3 "Week 3"',
);

/** The plain plan's initial sessions, as written. */
const INITIAL_SESSIONS = plainPlan.slice(plainPlan.indexOf('  session 1 "Week 1"'), plainPlan.indexOf('\nphase middle'));

describe('initial-tasks', () => {
  it('accepts an initial phase with all five tasks', () => {
    expect(diagnosticsOf('initial-tasks', basePlan)).toEqual([]);
  });

  it('reports a missing interpersonal inventory as an error on the `phase initial` words', () => {
    const plan = replace(plainPlan, '    task interpersonal-inventory\n', '    task closeness-circle\n');
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
    const plan = replace(plainPlan, 'task formulation, treatment-contract', 'task treatment-contract');
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
    let plan = replace(plainPlan, 'task symptom-review, sick-role, medication-review', 'task medication-review');
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

  it('gives one diagnostic, at the highest severity, when a dropped line held tasks of both severities', () => {
    const plan = remove(plainPlan, '    task formulation, treatment-contract\n');
    const d = onlyDiagnostic(plan);
    expect([d.rule, d.severity, d.fixes!.map((fix) => fix.title)]).toEqual([
      'initial-tasks',
      'error',
      ['Add `task formulation` to session 3', 'Add `task treatment-contract` to session 3'],
    ]);
    expect(d.message).toBe(
      'The initial phase has no `formulation`. IPT links the episode to one problem area in a formulation the client agrees to before the middle phase; add `task formulation` to the last initial session. ' +
        'Also (a warning on its own): the initial phase has no `treatment-contract`. IPT agrees the focus, time limit, goals and roles with the client before the middle phase; add `task treatment-contract`, usually with the formulation.',
    );
  });

  it('says nothing when `phase initial` is written twice, and `task` does not judge either block', () => {
    const plan = replace(plainPlan, 'phase middle sessions 4-13', 'phase initial sessions 4-13');
    expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
    expect(diagnosticsOf('task', plan)).toEqual([]);
    expect(ruleIds(plan)).toEqual(['phase-order']);
    // `phase initial` renamed `middle`: the initial tasks now sit in a repeated middle phase.
    const renamed = replace(plainPlan, 'phase initial sessions 1-3', 'phase middle sessions 1-3');
    expect(ruleIds(renamed)).toEqual(['phase-order']);
  });

  it('accepts psychoeducation for the sick role and diagnosis for the symptom review', () => {
    const plan = replace(plainPlan, 'task symptom-review, sick-role, medication-review', 'task diagnosis, psychoeducation, medication-review');
    expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
  });

  it('indents the inserted task like its siblings in a tab-indented plan', () => {
    const plan = plainPlan.replace(/^ {4}/gm, '\t\t').replace(/^ {2}/gm, '\t');
    const changed = replace(plan, '\t\ttask formulation, treatment-contract\n', '\t\ttask formulation\n');
    const [d] = diagnosticsOf('initial-tasks', changed);
    expect(applyEdits(changed, d.fixes![0].edits)).toContain('\t\ttask formulation\n\t\ttask treatment-contract\n');
  });

  it('reports an initial phase with no sessions once', () => {
    const plan = replace(
      plainPlan,
      INITIAL_SESSIONS,
      '',
    );
    const [d, ...rest] = diagnosticsOf('initial-tasks', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/^The initial phase has no sessions yet\. Plan them:/);
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
  });

  it('reports sessions planned by title only once, not once per task', () => {
    let plan = replace(plainPlan, '    task symptom-review, sick-role, medication-review\n', '');
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
    const plan = replace(plainPlan, 'phase initial sessions 1-3', 'phase intial sessions 1-3');
    expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
  });

  it('leaves a task written in another phase to the `task` rule', () => {
    const plan = remove(replace(plainPlan, '    targets G1\n', '    targets G1\n    task formulation\n'), '    task formulation, treatment-contract\n');
    const found = diagnosticsOf('initial-tasks', plan);
    expect(found.map((d) => d.message.slice(0, 50))).toEqual(['The initial phase has no `treatment-contract`. IPT']);
    expect(diagnosticsOf('task', plan)).toHaveLength(1);
  });

  it('gives one diagnostic, from `initial-tasks` alone, for this mistake', () => {
    const plan = replace(plainPlan, '    task interpersonal-inventory\n', '    task closeness-circle\n');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('initial-tasks');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOfText(plan, 'phase initial'));
  });

  it('counts a task an initial session says in words, in its title or a note', () => {
    // The base plan's titles say every task ("Interpersonal inventory", "Formulation and treatment contract").
    let titled = remove(basePlan, '    task interpersonal-inventory\n');
    titled = replace(titled, 'task formulation, treatment-contract', 'task medication-review');
    titled = replace(titled, 'task symptom-review, sick-role, medication-review', 'task risk-review');
    expect(diagnosticsOf('initial-tasks', titled)).toEqual([]);
    const said: [string, string][] = [
      ['interpersonal-inventory', 'Inventory of key relationships'],
      ['interpersonal-inventory', 'Review of important relationships'],
      ['formulation', 'Interpersonal formulation shared'],
      ['formulation', 'Focus agreed: the dispute with partner'],
      ['sick-role', 'Psychoeducation: depression as a treatable illness'],
      ['sick-role', 'Gave the sick-role'],
      ['treatment-contract', 'Contract: 16 sessions, weekly'],
      ['treatment-contract', 'Agreed the number of sessions and goals'],
      ['symptom-review', 'Assessment and baseline PHQ-9'],
      ['symptom-review', 'Diagnosis confirmed'],
    ];
    /** The plain plan without one task: its line loses the task (a line left empty becomes `task risk-review`). */
    const without = (task: string) => {
      const line = ['task symptom-review, sick-role, medication-review', 'task interpersonal-inventory', 'task formulation, treatment-contract'].find((l) => l.includes(task))!;
      const kept = line.replace(/^task /, '').split(', ').filter((id) => id !== task);
      return replace(plainPlan, line, `task ${kept.length ? kept.join(', ') : 'risk-review'}`);
    };
    for (const [task, words] of said) {
      expect(diagnosticsOf('initial-tasks', without(task)), `${task} without words`).toHaveLength(1);
      expect(diagnosticsOf('initial-tasks', replace(without(task), 'session 2 "Week 2"', `session 2 "${words}"`)), `${words} (title)`).toEqual([]);
      expect(diagnosticsOf('initial-tasks', replace(without(task), '    score PHQ-9 18\n', `    score PHQ-9 18\n    note "${words}"\n`)), `${words} (note)`).toEqual([]);
    }
  });

  it('does not take words that only share a session for the task (a relationship named is not the inventory)', () => {
    const plan = replace(remove(plainPlan, '    task interpersonal-inventory\n'), 'session 2 "Week 2"', 'session 2 "Conflict with mother; sleep"');
    expect(diagnosticsOf('initial-tasks', plan).map((d) => d.severity)).toEqual(['error']);
  });

  it('counts a task written on a technique line, which `technique` reports: one mistake, one diagnostic', () => {
    const plan = replace(plainPlan, '    task interpersonal-inventory\n', '    technique interpersonal-inventory\n');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('technique');
    expect(d.range).toEqual(rangeOfText(plan, 'interpersonal-inventory'));
  });

  describe('per variant', () => {
    // A maintenance plan in maintenance IPT's frame: an initial phase of two sessions.
    const maintenance = (tasks: string[]) =>
      replace(
        replace(replace(replace(plainPlan, 'variant acute', 'variant maintenance'), 'phase initial sessions 1-3', 'phase initial sessions 1-2'), 'phase middle sessions 4-13', 'phase middle sessions 3-13'),
        INITIAL_SESSIONS,
        `  session 1-2 "Review of the acute course"\n    task ${tasks.join(', ')}\n`,
      );

    it('maintenance: no sick role and no inventory needed; remission, warning signs, focus and frequency are', () => {
      expect(diagnosticsOf('initial-tasks', maintenance(['symptom-review', 'warning-signs', 'formulation', 'treatment-contract']))).toEqual([]);
    });

    it('maintenance: the warning signs count in words ("Revisit formulation; early warning signs")', () => {
      const plan = replace(maintenance(['symptom-review', 'treatment-contract']), '"Review of the acute course"', '"Revisit formulation; early warning signs"');
      expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
      for (const words of ['early signs', 'relapse signature', 'signs of relapse', 'Warning signs']) {
        const noted = replace(maintenance(['symptom-review', 'treatment-contract', 'formulation']), '    task symptom-review', `    note "${words} agreed with client"\n    task symptom-review`);
        expect(diagnosticsOf('initial-tasks', noted), words).toEqual([]);
      }
    });

    it('maintenance: a missing formulation or warning-signs task is a warning with the maintenance reason', () => {
      const found = diagnosticsOf('initial-tasks', maintenance(['symptom-review', 'treatment-contract']));
      expect(found.map((d) => [d.severity, d.message])).toEqual([
        [
          'warning',
          "The initial phase has no `warning-signs`. Maintenance IPT first agrees how to watch for a new episode: the client's early warning signs and the interpersonal events that could trigger one; add `task warning-signs` to an initial session. " +
            "The initial phase has no `formulation`. Maintenance IPT reviews the acute course's formulation and agrees the focus for maintenance, often a longer-standing interpersonal problem; add `task formulation` to the last initial session.",
        ],
      ]);
    });

    it('a plan outside its variant\'s frame (the variant may be the mistake) is asked only for what every variant requires', () => {
      // `variant maintenance` on an acute plan: phase-length reports the three-session initial phase;
      // warning-signs, which only maintenance requires, is not asked for as well.
      const plan = replace(plainPlan, 'variant acute', 'variant maintenance');
      expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
      expect(ruleIds(plan)).toEqual(['phase-length']);
      const withoutFormulation = replace(plan, 'task formulation, treatment-contract', 'task treatment-contract');
      expect(diagnosticsOf('initial-tasks', withoutFormulation).map((d) => d.message)).toEqual([
        "The initial phase has no `formulation`. Maintenance IPT reviews the acute course's formulation and agrees the focus for maintenance, often a longer-standing interpersonal problem; add `task formulation` to the last initial session.",
      ]);
    });

    /** An IPT-A plan: the plain plan with a parent joining the first session. */
    const adolescentPlan = replace(replace(plainPlan, 'variant acute', 'variant adolescent'), '    score PHQ-9 18\n', '    score PHQ-9 18\n    note "Parent joins for the first half"\n');

    it('adolescent: the closeness circle counts as the interpersonal inventory (IPT-A takes the inventory with it)', () => {
      const adolescent = replace(adolescentPlan, 'task interpersonal-inventory\n', 'task closeness-circle\n');
      expect(diagnosticsOf('initial-tasks', adolescent)).toEqual([]);
      const acute = replace(plainPlan, 'task interpersonal-inventory\n', 'task closeness-circle\n');
      expect(diagnosticsOf('initial-tasks', acute).map((d) => d.severity)).toEqual(['error']);
    });

    it('adolescent: without either, the message names the closeness circle too', () => {
      const plan = replace(adolescentPlan, '    task interpersonal-inventory\n', '    task onset-review\n');
      expect(diagnosticsOf('initial-tasks', plan).map((d) => d.message)).toEqual([
        "The initial phase has no `interpersonal-inventory` (or `closeness-circle`). The inventory (a review of the important people in the client's life) is how IPT finds the problem area; add `task interpersonal-inventory` to an initial session.",
      ]);
    });

    it('adolescent: an initial phase with no parent or carer involvement is a warning naming what to add', () => {
      const plan = replace(plainPlan, 'variant acute', 'variant adolescent');
      const [d, ...rest] = diagnosticsOf('initial-tasks', plan);
      expect(rest).toEqual([]);
      expect(d.severity).toBe('warning');
      expect(d.message).toBe(
        'No initial session involves a parent or carer. In IPT-A the parent or carer joins part of the initial phase: to give the history, hear about depression and its treatment, and learn the limited sick role; add `task parent-involvement` to the session they join, or say so in its title or a note (e.g. "Assessment with the parent, then alone").',
      );
      expect(d.fixes!.map((fix) => fix.title)).toEqual(['Add `task parent-involvement` to session 1']);
      // Acute IPT does not ask for it.
      expect(diagnosticsOf('initial-tasks', plainPlan)).toEqual([]);
    });

    it('adolescent: the parent counts as clinicians write it, in an initial title or note, or as the task', () => {
      const plan = replace(plainPlan, 'variant acute', 'variant adolescent');
      const said = [
        ['session 1 "Week 1"', 'session 1 "Assessment with the parent, then alone"'],
        ['session 1 "Week 1"', 'session 1 "Mother joins for the first half"'],
        ['    score PHQ-9 18\n', '    score PHQ-9 18\n    note "Father joins for psychoeducation"\n'],
        ['    score PHQ-9 18\n', '    score PHQ-9 18\n    note "Carer present for the history"\n'],
        ['session 2 "Week 2"', 'session 2 "Guardian and teen: the limited sick role"'],
        ['    score PHQ-9 18\n', '    score PHQ-9 18\n    note "Stepfather came to the first half"\n'],
        ['    score PHQ-9 18\n', '    score PHQ-9 18\n    note "Mum and dad came for the history"\n'],
        ['session 1 "Week 1"', 'session 1 "Assessment with family"'],
        ['task interpersonal-inventory', 'task interpersonal-inventory, parent-involvement'],
      ];
      for (const [from, to] of said) expect(diagnosticsOf('initial-tasks', replace(plan, from, to)), to).toEqual([]);
      // Words in a middle-phase session do not stand in for the initial phase.
      const later = replace(plan, '    targets G1\n', '    targets G1\n    note "Parent joins"\n');
      expect(diagnosticsOf('initial-tasks', later)).toHaveLength(1);
    });

    it('says nothing when the plan names an unknown variant (what it requires is unknown)', () => {
      const plan = replace(replace(plainPlan, 'variant acute', 'variant maintenence'), '    task interpersonal-inventory\n', '');
      expect(diagnosticsOf('initial-tasks', plan)).toEqual([]);
    });

    it('follows `requiredTasks` in config: a task made required, one turned off, one given another severity', () => {
      const config = resolveConfig({
        variants: { acute: { requiredTasks: { initial: { 'medication-review': 'warning', 'sick-role': 'off', formulation: 'warning' } } } },
      });
      const plan = replace(plainPlan, 'task symptom-review, sick-role, medication-review', 'task symptom-review');
      const withoutFormulation = replace(plan, 'task formulation, treatment-contract', 'task treatment-contract');
      expect(diagnosticsOf('initial-tasks', withoutFormulation, { config }).map((d) => [d.severity, d.message])).toEqual([
        [
          'warning',
          'The initial phase has no `formulation`. IPT links the episode to one problem area in a formulation the client agrees to before the middle phase; add `task formulation` to the last initial session. ' +
            'The initial phase has no `medication-review`, which this variant requires (set in `requiredTasks` in .iptrc.json); add `task medication-review` to an initial session.',
        ],
      ]);
    });
  });
});
