import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../server/src/language/parser.js';
import { LineIndex } from '../../../server/src/language/span.js';
import type { ListItem, Measure, PlanFile, ScoreItem, SessionsHeader } from '../../../server/src/language/ast.js';

const HEADER = `plan "C-0142 acute IPT"
  client "C-0142"
  clinician "J. Rivera, LCSW"
  supervisor "M. Okafor, PhD"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02
`;

const BODY = `
focus role-dispute "Conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations"
  goal G2 "State needs calmly"

measure PHQ-9 every 4
measure HAM-D at 1, 8-9, 16

risk low "Passive thoughts of death at intake; no plan or intent"
  safety-plan "Warning signs and contacts agreed; crisis line 988"

phase initial sessions 1-3
  session 1 "Assessment"
    date 2026-02-02
    status held
    task symptom-review, sick-role
    score PHQ-9 18
  session 2-3 "Inventory and formulation"
    task interpersonal-inventory, formulation, treatment-contract

phase middle sessions 4-13
  session 4-13 "Work on the dispute"
    technique communication-analysis, role-play
    targets G1, G2
    homework "One check-in each week"
    note "Partner may join once"
    score HAM-D 12.5

phase termination sessions 14-16
  session 14-16 "Ending"
    task review-progress, relapse-prevention, discuss-ending
`;

const text = HEADER + BODY;

/** The text a span covers. */
const slice = (source: string, span: { start: number; end: number }) => source.slice(span.start, span.end);

/** [line, character, endLine, endCharacter] of a syntax error (0-based). */
function errorRanges(source: string) {
  const lines = new LineIndex(source);
  return parsePlan(source).errors.map((e) => {
    const r = lines.rangeOf(e.span);
    return [r.start.line, r.start.character, r.end.line, r.end.character];
  });
}

describe('parser: every statement', () => {
  const { file, errors } = parsePlan(text);

  test('the canonical plan parses without errors', () => {
    expect(errors).toEqual([]);
  });

  test('plan header fields with their parts', () => {
    const plan = file.plan!;
    expect(plan.title?.value).toBe('C-0142 acute IPT');
    expect(slice(text, plan.keyword)).toBe('plan');
    expect(plan.headers.map((h) => h.kind)).toEqual(['client', 'clinician', 'supervisor', 'variant', 'diagnosis', 'sessions', 'start']);
    const diagnosis = plan.headers[4];
    expect(diagnosis.kind === 'diagnosis' && [diagnosis.text?.value, diagnosis.code?.value, slice(text, diagnosis.codeKeyword!)]).toEqual([
      'Major depressive disorder, recurrent, moderate',
      'F33.1',
      'code',
    ]);
    const sessions = plan.headers[5] as SessionsHeader;
    expect([sessions.count?.value, sessions.cadence?.value, sessions.duration?.value]).toEqual([16, 'weekly', 50]);
    expect(slice(text, sessions.duration!.span)).toBe('50min');
    const start = plan.headers[6];
    expect(start.kind === 'start' && start.date?.value).toBe('2026-02-02');
    expect(slice(text, plan.blockSpan)).toBe(HEADER.trimEnd());
  });

  test('focus with stage and goals', () => {
    const focus = file.focuses[0];
    expect(focus.area?.value).toBe('role-dispute');
    expect(focus.description?.value).toBe('Conflict with partner about caring for their newborn');
    expect(focus.stages.map((s) => s.name?.value)).toEqual(['renegotiation']);
    expect(focus.goals.map((g) => [g.id?.value, g.text?.value])).toEqual([
      ['G1', "Name each partner's expectations"],
      ['G2', 'State needs calmly'],
    ]);
    expect(slice(text, focus.goals[1].id!.span)).toBe('G2');
  });

  test('measures: every N and at a session list with ranges', () => {
    const [every, at] = file.measures as [Measure, Measure];
    expect(every.instrument?.value).toBe('PHQ-9');
    expect(every.schedule?.kind === 'every' && every.schedule.interval?.value).toBe(4);
    expect(at.schedule?.kind === 'at' && at.schedule.sessions.map((s) => [s.first, s.last])).toEqual([
      [1, 1],
      [8, 9],
      [16, 16],
    ]);
  });

  test('risk with its safety plan', () => {
    const risk = file.risks[0];
    expect(risk.level?.value).toBe('low');
    expect(risk.safetyPlans.map((s) => s.text?.value)).toEqual(['Warning signs and contacts agreed; crisis line 988']);
  });

  test('phases, sessions and every session item', () => {
    expect(file.phases.map((p) => [p.name?.value, p.range?.first, p.range?.last, p.sessions.length])).toEqual([
      ['initial', 1, 3, 2],
      ['middle', 4, 13, 1],
      ['termination', 14, 16, 1],
    ]);
    const first = file.phases[0].sessions[0];
    expect([first.number?.first, first.title?.value]).toEqual([1, 'Assessment']);
    expect(first.items.map((i) => i.kind)).toEqual(['date', 'status', 'task', 'score']);
    expect((first.items[2] as ListItem).values.map((v) => v.value)).toEqual(['symptom-review', 'sick-role']);
    const middle = file.phases[1].sessions[0];
    expect(middle.items.map((i) => i.kind)).toEqual(['technique', 'targets', 'homework', 'note', 'score']);
    expect((middle.items[4] as ScoreItem).value?.value).toBe(12.5);
    expect(slice(text, file.phases[1].blockSpan)).toContain('score HAM-D 12.5');
  });

  test('sections are kept in text order', () => {
    expect(file.sections.map((s) => s.kind)).toEqual(['focus', 'measure', 'measure', 'risk', 'phase', 'phase', 'phase']);
  });

  test('a keyword may be a value (task diagnosis)', () => {
    const result = parsePlan('phase initial sessions 1-3\n  session 1\n    task diagnosis, note\n');
    expect(result.errors).toEqual([]);
    expect((result.file.phases[0].sessions[0].items[0] as ListItem).values.map((v) => v.value)).toEqual(['diagnosis', 'note']);
  });

  test('risk with the safety plan on the same line', () => {
    const result = parsePlan('risk high "Recent attempt" safety-plan "Six-step plan agreed"\n');
    expect(result.errors).toEqual([]);
    expect(result.file.risks[0].safetyPlans[0].text?.value).toBe('Six-step plan agreed');
  });

  test('header lines without a plan line hang on an implicit plan block', () => {
    const result = parsePlan('sessions 12 weekly\nfocus grief "Loss"\n');
    expect(result.errors).toEqual([]);
    expect(result.file.plan?.implicit).toBe(true);
    expect(result.file.plan?.headers.map((h) => h.kind)).toEqual(['sessions']);
  });

  test('empty and comment-only texts give an empty plan file', () => {
    for (const source of ['', '\n\n', '# only a comment\n']) {
      const result = parsePlan(source);
      expect(result.errors).toEqual([]);
      expect(result.file.plan).toBeUndefined();
    }
  });
});

/** Statements that follow the broken line must still be in the tree. */
function afterErrorStillParsed(file: PlanFile) {
  expect(file.phases.map((p) => p.name?.value)).toEqual(['initial', 'middle', 'termination']);
  expect(file.phases[2].sessions[0].items.length).toBe(1);
}

describe('parser: error recovery, one diagnostic per bad line', () => {
  const cases: { name: string; from: string; to: string; range: number[]; message: RegExp }[] = [
    { name: 'missing string', from: '  client "C-0142"', to: '  client', range: [1, 2, 1, 8], message: /Expected quoted text after `client`, found the end of the line/ },
    { name: 'missing goal text', from: '  goal G2 "State needs calmly"', to: '  goal G2', range: [12, 2, 12, 9], message: /Expected quoted text after `G2`/ },
    { name: 'stray token', from: '  variant acute', to: '  variant acute extra', range: [4, 16, 4, 21], message: /Unexpected `extra`: the statement is already complete/ },
    { name: 'unterminated string', from: '  note "Partner may join once"', to: '  note "Partner may join once', range: [34, 9, 34, 31], message: /no closing quote/ },
    { name: 'keyword typo', from: '  session 1 "Assessment"', to: '  sesion 1 "Assessment"', range: [21, 2, 21, 8], message: /`sesion` is not one\. Did you mean `session`\?/ },
    { name: 'missing range end', from: 'phase middle sessions 4-13', to: 'phase middle sessions 4-', range: [29, 22, 29, 24], message: /The range `4-` has no end/ },
    { name: 'missing comma in a list', from: 'task symptom-review, sick-role', to: 'task symptom-review sick-role', range: [24, 24, 24, 33], message: /separate the names in a list with commas/ },
    { name: 'missing score value', from: '    score PHQ-9 18', to: '    score PHQ-9', range: [25, 4, 25, 15], message: /Expected a number after `PHQ-9`/ },
    { name: 'unknown character', from: '  stage renegotiation', to: '  stage renegotiation;', range: [10, 21, 10, 22], message: /Unexpected character `;`/ },
    { name: 'not a calendar date', from: '    date 2026-02-02', to: '    date 2026-02-30', range: [22, 9, 22, 19], message: /`2026-02-30` is not a calendar date/ },
    { name: 'backwards range', from: 'phase initial sessions 1-3', to: 'phase initial sessions 3-1', range: [20, 23, 20, 26], message: /runs backwards/ },
    { name: 'misplaced statement', from: '    homework "One check-in each week"', to: '  goal G3 "Misplaced goal"', range: [33, 2, 33, 6], message: /`goal` belongs under a `focus`, but the nearest block above it is a `session`/ },
    { name: 'measure without at/every', from: 'measure PHQ-9 every 4', to: 'measure PHQ-9 4', range: [14, 14, 14, 15], message: /Expected `at` or `every` after `PHQ-9`, found `4`/ },
    { name: 'curly quotes pasted from a word processor', from: '  goal G2 "State needs calmly"', to: '  goal G2 \u201cState needs calmly\u201d', range: [12, 10, 12, 11], message: /Typographic quotes .* Use straight double quotes/ },
    { name: 'a date written with slashes', from: '    date 2026-02-02', to: '    date 02/02/2026', range: [22, 9, 22, 19], message: /Write dates as YYYY-MM-DD/ },
    { name: 'a negative score', from: '    score PHQ-9 18', to: '    score PHQ-9 -18', range: [25, 16, 25, 17], message: /never negative/ },
    { name: 'a word that cannot start a line', from: '  stage renegotiation', to: '  code F33.1', range: [10, 2, 10, 6], message: /`code` cannot start a line/ },
  ];

  for (const c of cases) {
    test(c.name, () => {
      expect(text.includes(c.from), c.from).toBe(true);
      const broken = text.replace(c.from, c.to);
      const result = parsePlan(broken);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].message).toMatch(c.message);
      expect(errorRanges(broken)[0]).toEqual(c.range);
      afterErrorStillParsed(result.file);
    });
  }

  test('a recovered statement is kept and marked incomplete', () => {
    const result = parsePlan(text.replace('  goal G2 "State needs calmly"', '  goal G2'));
    const goal = result.file.focuses[0].goals[1];
    expect(goal.incomplete).toBe(true);
    expect(goal.id?.value).toBe('G2');
    expect(goal.text).toBeUndefined();
  });

  test('several bad lines give one diagnostic each', () => {
    const broken = text.replace('  client "C-0142"', '  client').replace('  sessions 16 weekly 50min', '  sessions weekly').replace('    status held', '    status');
    expect(errorRanges(broken).map((r) => r[0])).toEqual([1, 6, 23]);
  });

  test('curly quotes get one diagnostic per line with a safe fix to straight quotes', () => {
    const broken = text.replace('  goal G2 "State needs calmly"', '  goal G2 \u201cState needs calmly\u201d');
    const [error] = parsePlan(broken).errors;
    const edits = error.fixes![0].edits;
    let fixed = broken;
    for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, edit.span.start) + edit.newText + fixed.slice(edit.span.end);
    expect(fixed).toBe(text);
    expect(error.fixes![0].safe).toBe(true);
  });

  test('goals left without their focus line give one diagnostic, not one per goal', () => {
    const broken = text.replace('focus role-dispute "Conflict with partner about caring for their newborn"\n', '');
    const errors = parsePlan(broken).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/`stage` belongs under a `focus`/);
  });

  test('a measure line ends the block above it: a goal after it is misplaced', () => {
    const broken = text.replace('measure HAM-D at 1, 8-9, 16', 'measure HAM-D at 1, 8-9, 16\n  goal G3 "Late goal"');
    const result = parsePlan(broken);
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/`goal` belongs under a `focus`, but a `measure` line above it ends the block/)]);
    expect(result.file.focuses[0].goals.map((g) => g.id?.value)).toEqual(['G1', 'G2']);
  });

  test('a second plan line is reported, the first plan kept', () => {
    const result = parsePlan(text + '\nplan "Another"\n');
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/second `plan` line/)]);
    expect(result.file.plan?.title?.value).toBe('C-0142 acute IPT');
  });
});
