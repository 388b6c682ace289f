/** Completion from the parse position: fixtures mark the cursor with `<|>`. */
import { describe, expect, test } from 'vitest';
import { completionsAt, completionTriggerCharacters, type PlanCompletion } from '../../../server/src/features/completion.js';
import { defaultConfig } from '../../../server/src/rules/config.js';
import { skeleton } from '../../../server/src/cli/skeleton.js';
import { builtinCatalogue, findEntry } from '../../../server/src/language/catalogue.js';
import { atCursor, planWith, spanText } from './cursor.js';

function complete(source: string): { items: PlanCompletion[]; text: string; offset: number } {
  const { text, offset, analysis } = atCursor(source);
  return { items: completionsAt(analysis, offset, defaultConfig), text, offset };
}

function labels(source: string): string[] {
  return complete(source).items.map((i) => i.label);
}

const IPT_TECHNIQUES = builtinCatalogue.techniques.map((t) => t.id);
const INITIAL_TASKS = ['symptom-review', 'diagnosis', 'sick-role', 'psychoeducation', 'medication-review', 'onset-review', 'interpersonal-inventory', 'closeness-circle', 'formulation', 'treatment-contract', 'risk-review', 'mood-event-review', 'warning-signs'];

describe('statement keywords by block', () => {
  test('an empty file: the plan keyword, then a skeleton per variant and problem area', () => {
    const items = complete('<|>').items;
    expect(items[0]).toMatchObject({ label: 'plan', kind: 'keyword', insertText: 'plan ' });
    const snippets = items.filter((i) => i.kind === 'snippet');
    expect(snippets).toHaveLength(builtinCatalogue.variants.length * builtinCatalogue.problemAreas.length);
    expect(snippets[0].label).toBe('plan: acute, grief');
    expect(snippets.every((s) => s.isSnippet)).toBe(true);
  });

  test('in the plan header: the headers not used yet, then the sections', () => {
    expect(labels('plan "x"\n  variant acute\n  client "C-1"\n  <|>')).toEqual([
      'clinician', 'supervisor', 'diagnosis', 'sessions', 'start', 'focus', 'measure', 'risk', 'phase', 'phase initial',
    ]);
  });

  test('in a session: its items first, then a new session, the sections and snippets', () => {
    const source = planWith('    task interpersonal-inventory\n', '    task interpersonal-inventory\n    <|>\n');
    expect(labels(source)).toEqual(['task', 'technique', 'targets', 'homework', 'note', 'score', 'date', 'status', 'session', 'measure', 'phase', 'session 17']);
  });

  test('a session that has a date and a status is not offered another', () => {
    const source = planWith('    task review-progress\n', '    task review-progress\n    date 2026-05-04\n    status held\n    <|>\n');
    const offered = labels(source);
    expect(offered).not.toContain('date');
    expect(offered).not.toContain('status');
    expect(offered).toContain('note');
  });

  test('in a role-dispute focus without a stage: stage and goal', () => {
    expect(labels('plan "x"\nfocus role-dispute "x"\n  <|>').slice(0, 2)).toEqual(['stage', 'goal']);
    expect(labels('plan "x"\nfocus grief "x"\n  <|>').slice(0, 1)).toEqual(['goal']);
    expect(labels('plan "x"\nfocus grief "x"\n  <|>')).not.toContain('focus');
  });

  test('retyping the keyword of an existing header line still offers it', () => {
    expect(labels('plan "x"\n  vari<|>ant acute\n  client "C-1"\n')).toContain('variant');
    expect(labels('plan "x"\n  variant acute\n  <|>\n')).not.toContain('variant');
  });

  test('the partly typed keyword is the span every item replaces', () => {
    const { items, text } = complete(planWith('    task interpersonal-inventory\n', '    task interpersonal-inventory\n    tec<|>\n'));
    expect(items.every((i) => spanText(text, i.replace) === 'tec')).toBe(true);
  });

  test('sort order follows the list order', () => {
    const items = complete('plan "x"\n<|>').items;
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    expect(sorted.map((i) => i.label)).toEqual(items.map((i) => i.label));
  });
});

describe('values for the slot being written', () => {
  test('`    task sick<|>` in the initial phase: tasks of the initial phase, replacing `sick`', () => {
    const { items, text } = complete(planWith('    task interpersonal-inventory\n', '    task sick<|>\n'));
    expect(items.map((i) => i.label)).toEqual(INITIAL_TASKS);
    const sick = items.find((i) => i.label === 'sick-role')!;
    expect(spanText(text, sick.replace)).toBe('sick');
    expect(sick).toMatchObject({ kind: 'value', detail: 'Sick role · initial' });
    expect(sick.documentation).toContain('**Sick role** `sick-role`');
  });

  test('tasks in the termination phase, without the ones already on the line', () => {
    expect(labels(planWith('    task relapse-prevention\n', '    task relapse-prevention, <|>\n'))).toEqual([
      'risk-review', 'mood-event-review', 'warning-signs', 'review-progress', 'discuss-ending', 'maintenance-plan', 'non-response-plan',
    ]);
  });

  test('the middle phase offers a mid-course medication review and progress review; IPT-A plans offer the parent task', () => {
    const middle = labels(planWith('    targets G2\n', '    targets G2\n    task <|>\n'));
    expect(middle).toEqual(expect.arrayContaining(['medication-review', 'review-progress']));
    expect(middle).not.toContain('parent-involvement');
    const adolescent = planWith('    task interpersonal-inventory\n', '    task interpersonal-inventory, <|>\n').replace('variant acute', 'variant adolescent');
    expect(labels(adolescent)).toContain('parent-involvement');
  });

  test("values on the session's other lines of the same kind are not offered again", () => {
    const source = planWith('    task symptom-review, sick-role, medication-review\n', '    task symptom-review, sick-role\n    task <|>\n');
    expect(labels(source)).toEqual(INITIAL_TASKS.filter((t) => t !== 'symptom-review' && t !== 'sick-role'));
  });

  test('techniques are the IPT ones only, never the non-IPT ones', () => {
    const offered = labels(planWith('    task formulation, treatment-contract\n', '    task formulation, treatment-contract\n    technique <|>\n'));
    expect(offered).toEqual(IPT_TECHNIQUES);
    expect(labels(planWith('    targets G2\n', '    targets G2\n    technique <|>\n'))).toEqual(IPT_TECHNIQUES.filter((t) => t !== 'role-play' && t !== 'decision-analysis'));
    for (const nonIpt of builtinCatalogue.nonIptTechniques) expect(offered).not.toContain(nonIpt.id);
  });

  test('goal ids after `targets`, with their text', () => {
    const { items } = complete(planWith('    targets G1\n', '    targets <|>\n'));
    expect(items.map((i) => [i.label, i.kind, i.detail])).toEqual([
      ['G1', 'goal', "Name each partner's expectations about caregiving roles"],
      ['G2', 'goal', 'State needs calmly during disagreements'],
    ]);
    expect(items[1].documentation).toContain('Targeted in session 8.');
  });

  test('the next free goal id after `goal`', () => {
    expect(labels(planWith('  goal G2 "State needs calmly during disagreements"\n', '  goal G2 "State needs calmly during disagreements"\n  goal <|>\n'))).toEqual(['G3']);
  });

  test('areas, variants, risk levels, statuses, instruments', () => {
    expect(labels('plan "x"\nfocus <|>')).toEqual(['grief', 'role-dispute', 'role-transition', 'interpersonal-deficits']);
    expect(labels('plan "x"\n  variant <|>')).toEqual(['acute', 'adolescent', 'brief', 'group', 'maintenance']);
    expect(labels('plan "x"\nrisk <|>')).toEqual(['none', 'low', 'moderate', 'high']);
    expect(labels(planWith('    task review-progress\n', '    task review-progress\n    status <|>\n'))).toEqual(['planned', 'held', 'missed', 'cancelled']);
    expect(labels('plan "x"\nmeasure <|>')).toEqual(['PHQ-9', 'HAM-D', 'BDI-II', 'EPDS', 'GAD-7', 'CDRS-R', 'MFQ', 'MFQ-C', 'MFQ-P', 'SMFQ']);
  });

  test('stages only for a role dispute', () => {
    expect(labels('plan "x"\nfocus role-dispute "x"\n  stage <|>')).toEqual(['renegotiation', 'impasse', 'dissolution']);
    expect(labels('plan "x"\nfocus grief "x"\n  stage <|>')).toEqual([]);
  });

  test('cadences the variant allows', () => {
    expect(labels('plan "x"\n  variant acute\n  sessions 16 <|>')).toEqual(['weekly']);
    expect(labels('plan "x"\n  variant maintenance\n  sessions 12 <|>')).toEqual(['weekly', 'biweekly', 'monthly']);
  });

  test('keywords inside a statement: `at`/`every`, `sessions`, `code`, `safety-plan`', () => {
    expect(labels('plan "x"\nmeasure PHQ-9 <|>')).toEqual(['at', 'every']);
    expect(labels('plan "x"\nmeasure PHQ-9 ev<|>')).toEqual(['at', 'every']);
    expect(labels('plan "x"\nphase initial <|>')).toEqual(['sessions']);
    expect(labels('plan "x"\n  diagnosis "x" <|>')).toEqual(['code']);
    expect(labels('plan "x"\nrisk high "x" <|>')).toEqual(['safety-plan']);
  });

  test('scores: the instruments the plan measures come first', () => {
    expect(labels(planWith('    task review-progress\n', '    task review-progress\n    score <|>\n')).slice(0, 2)).toEqual(['PHQ-9', 'HAM-D']);
    expect(labels('plan "x"\nmeasure GAD-7 every 4\nphase initial sessions 1-3\n  session 1\n    score <|>')[0]).toBe('GAD-7');
  });

  test('nothing inside a string, or after a complete statement', () => {
    expect(labels(planWith('session 2 "Interpersonal inventory"', 'session 2 "Interpersonal <|>inventory"'))).toEqual([]);
    expect(labels('plan "x"\n  variant acute <|>')).toEqual([]);
  });
});

describe('numbers and dates', () => {
  test('the next free session number after `session`, and the rest of the phase', () => {
    const { items } = complete(planWith('  session 3 "Formulation and treatment contract"\n    task formulation, treatment-contract\n', '  session <|>\n'));
    expect(items.map((i) => [i.label, i.kind])).toEqual([['3', 'session-number']]);
    expect(items[0].preselect).toBe(true);
  });

  test('a session range for the rest of a phase', () => {
    const source = 'plan "x"\n  sessions 16 weekly\nphase middle sessions 4-13\n  session 4 "a"\n  session <|>';
    expect(complete(source).items.map((i) => i.label)).toEqual(['5', '5-13']);
  });

  test('a number outside the phase says so', () => {
    const source = 'plan "x"\nphase initial sessions 1-2\n  session 1-2 "a"\n  session <|>';
    expect(complete(source).items[0]).toMatchObject({ label: '3', detail: "The next free session number (outside this phase's sessions 1–2)" });
  });

  test('a phase range after the phases above', () => {
    expect(labels('plan "x"\n  variant acute\n  sessions 16 weekly\nphase initial sessions 1-3\nphase middle sessions <|>')).toEqual(['4-13']);
    expect(labels('plan "x"\n  variant acute\n  sessions 16 weekly\nphase initial sessions <|>')).toEqual(['1-3']);
  });

  test('the planned total within the variant', () => {
    expect(labels('plan "x"\n  variant brief\n  sessions <|>')).toEqual(['9', '8']);
  });

  test("after `date`, the session's date from `start` and the cadence", () => {
    const { items, text } = complete(planWith('    task relapse-prevention\n', '    task relapse-prevention\n    date 2026-0<|>\n'));
    expect(items.map((i) => [i.label, i.kind, i.detail])).toEqual([['2026-05-11', 'date', 'Session 15, weekly from 2026-02-02']]);
    expect(spanText(text, items[0].replace)).toBe('2026-0');
  });

  test('no date without `start`', () => {
    expect(labels('plan "x"\n  sessions 16 weekly\nphase initial sessions 1-3\n  session 2\n    date <|>')).toEqual([]);
  });
});

describe('robustness', () => {
  test('in a file with syntax errors elsewhere', () => {
    const broken = planWith('  session 2 "Interpersonal inventory"\n', '  session 2 "Interpersonal inventory\n    tsak formulation\n    score PHQ-9 "x"\n');
    const source = broken.replace('    task formulation, treatment-contract\n', '    task formulation, tre<|>\n');
    const { items, text } = complete(source);
    expect(items.map((i) => i.label)).toEqual(INITIAL_TASKS.filter((t) => t !== 'formulation'));
    expect(spanText(text, items[0].replace)).toBe('tre');
  });

  test('a broken list (missing comma) offers nothing rather than a wrong slot', () => {
    expect(labels(planWith('    task interpersonal-inventory\n', '    task interpersonal-inventory sick<|>\n'))).toEqual([]);
  });

  test('at the very end of a file without a final newline', () => {
    expect(labels('plan "x"\nphase initial sessions 1-3\n  session 1\n    task form<|>')).toContain('formulation');
  });

  test('CRLF line breaks', () => {
    expect(labels('plan "x"\r\nphase initial sessions 1-3\r\n  session 1\r\n    task sick<|>\r\n')).toEqual(INITIAL_TASKS);
  });
});

describe('snippets', () => {
  test('the plan skeleton is the `ipt new` text with placeholders', () => {
    const item = complete('<|>').items.find((i) => i.label === 'plan: acute, role-dispute')!;
    const expected = skeleton({ variant: findEntry(builtinCatalogue.variants, 'acute')!, area: findEntry(builtinCatalogue.problemAreas, 'role-dispute')! });
    // Resolving each placeholder to its default gives `ipt new`'s text.
    const resolved = item.insertText!.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\\([$}\\])/g, '$1');
    expect(`${resolved}\n`).toBe(expected);
    expect(item.insertText).toContain('client "${1:C-0000}"');
    expect(item.insertText).toMatch(/clinician "\$\{2:TODO: /);
  });

  test('the next phase, with its range and a first session', () => {
    const item = complete('plan "x"\n  variant acute\n  sessions 16 weekly\nphase initial sessions 1-3\n  session 1-3\n\n<|>').items.find((i) => i.label.startsWith('phase '))!;
    expect(item.label).toBe('phase middle');
    expect(item.insertText).toBe('phase middle sessions 4-13\n  session 4 "${1:title}"\n    technique ${2}\n    targets ${3}');
  });

  test('a session with the next free number', () => {
    const source = 'plan "x"\nphase middle sessions 4-13\n  session 4-7 "a"\n    targets G1\n  <|>\n  session 9 "b"\n';
    const item = complete(source).items.find((i) => i.label.startsWith('session '))!;
    expect(item).toMatchObject({ label: 'session 8', kind: 'snippet', isSnippet: true, insertText: 'session 8 "${1:title}"\n  technique ${2}\n  targets ${3}' });
    // In a complete plan every number is taken: the next free one is past the end.
    expect(complete(planWith('    targets G1\n', '    targets G1\n  <|>\n')).items.find((i) => i.label.startsWith('session '))!.label).toBe('session 17');
  });
});

describe('directives in comments', () => {
  test('directive words, then rule ids that can be disabled', () => {
    const { items, text } = complete('# ipt-d<|>');
    expect(items.map((i) => i.label)).toEqual(['ipt-disable-next-line', 'ipt-disable', 'ipt-enable']);
    expect(spanText(text, items[0].replace)).toBe('ipt-d');
    const rules = complete('# ipt-disable-next-line phi, ta<|>');
    expect(rules.items.map((i) => i.label)).not.toContain('syntax');
    expect(rules.items.map((i) => i.label)).not.toContain('phi');
    expect(spanText(rules.text, rules.items.find((i) => i.label === 'task')!.replace)).toBe('ta');
  });

  test('an ordinary comment offers nothing', () => {
    expect(labels('# reviewed with <|>')).toEqual([]);
    expect(labels('# ipt-disable-next-line phi -- reason <|>')).toEqual([]);
  });
});

test('trigger characters: space and comma', () => {
  expect(completionTriggerCharacters).toEqual([' ', ',']);
});
