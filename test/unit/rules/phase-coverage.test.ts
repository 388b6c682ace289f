import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { rangeOfText, applyEdits, basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'phase-coverage';

describe('phase-coverage', () => {
  it('accepts phases that run 1–3, 4–13, 14–16 for 16 planned sessions', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it('reports a gap between two phases on the later range, once', () => {
    const text = replace(basePlan, 'phase middle sessions 4-13', 'phase middle sessions 5-13');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'Session 4 belongs to no phase: the initial phase ends at session 3 and the middle phase starts at 5. Start this phase at session 4, or extend the initial phase.',
    );
    expect(d.range).toEqual(lineRange(29, 22, 26));
    expect(d.related?.[0].range).toEqual(lineRange(20, 23, 26));
    // The session 4-7 entry now outside the middle range follows from the same mistake: not reported again.
    expect(ruleIds(text)).toEqual([id]);
    expect(d.fixes?.map((f) => [f.title, f.safe])).toEqual([
      ['Start the middle phase at session 4', false],
      ['Extend the initial phase to session 4', false],
    ]);
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
  });

  it('reports overlapping phases, and not the initial phase length that follows from it', () => {
    const text = replace(basePlan, 'phase initial sessions 1-3', 'phase initial sessions 1-4');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'Session 4 is in both the initial phase (1–4) and the middle phase (4–13); each session belongs to one phase. Start this phase at session 5, or end the initial phase earlier.',
    );
    expect(d.range).toEqual(lineRange(29, 22, 26));
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports phases that stop before the planned total', () => {
    const text = replace(
      replace(basePlan, 'phase termination sessions 14-16', 'phase termination sessions 14-15'),
      '  session 16 "Ending and next steps"\n    task discuss-ending, maintenance-plan\n',
      '',
    ).replace('task relapse-prevention', 'task relapse-prevention, discuss-ending');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The phases end at session 15, but the plan has 16 sessions (`sessions 16`), so session 16 belongs to no phase. Extend the termination phase to session 16, or change `sessions` to 15.',
    );
    expect(d.range).toEqual(lineRange(38, 27, 32));
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports phases that run past the planned total', () => {
    const text = replace(basePlan, 'phase termination sessions 14-16', 'phase termination sessions 14-17');
    const [d] = diagnosticsOf(id, text);
    expect(d.message).toBe(
      'The phases run to session 17, but the plan has 16 sessions (`sessions 16`). End the termination phase at session 16, or change `sessions` to 17.',
    );
    expect(d.range).toEqual(lineRange(38, 27, 32));
    expect(d.fixes?.map((f) => f.title)).toEqual(['End the termination phase at session 16', 'Change `sessions` to 17']);
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
  });

  it('reports a session entry written under a phase that does not cover it', () => {
    const text = replace(basePlan, '  session 3 "Formulation', '  session 4 "Formulation');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      "Session 4 is written under the initial phase, which covers sessions 1–3. Move it to the phase that covers session 4, or change this phase's range.",
    );
    expect(d.range).toEqual(lineRange(26, 10, 11));
  });

  it('says a session past the planned total is beyond the plan, not "move it to the phase that covers it"', () => {
    const text = replace(basePlan, '  session 16 "Ending', '  session 17 "Ending');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe('Session 17 is past the end of the plan, which has 16 sessions (`sessions 16`). Renumber the session within 1–16; Acute IPT has at most 16 sessions.');
    expect(d.range).toEqual(rangeOfText(text, '17'));
    // Session 16 in a 15-session plan: raising `sessions` is possible advice in acute IPT.
    let shorter = replace(replace(basePlan, 'sessions 16 weekly', 'sessions 15 weekly'), 'sessions 14-16', 'sessions 13-15');
    shorter = replace(replace(replace(shorter, 'sessions 4-13', 'sessions 4-12'), 'session 8-13 "', 'session 8-12 "'), 'session 14 "', 'session 13 "');
    shorter = replace(replace(shorter, 'session 15 "', 'session 14 "'), 'measure HAM-D at 1, 16', 'measure HAM-D at 1, 15');
    const [e, ...others] = diagnosticsOf(id, shorter);
    expect(others).toEqual([]);
    expect(e.message).toBe(
      'Session 16 is past the end of the plan, which has 15 sessions (`sessions 15`). Renumber the session within 1–15, or raise `sessions` to 16 and extend the last phase to cover it.',
    );
  });

  it('reports a session number planned twice on the later entry', () => {
    const text = replace(basePlan, '  session 8-13 "Rehearse', '  session 7-13 "Rehearse');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe('Session 7 is already planned by `session 4-7` on line 31. Give each session one entry: merge the two, or renumber this one.');
    expect(d.range).toEqual(lineRange(33, 10, 14));
    expect(d.related?.[0].range.start).toEqual({ line: 30, character: 2 });
  });

  it('says nothing about the end when `sessions` is missing, and nothing about gaps when a phase is missing', () => {
    expect(diagnosticsOf(id, replace(basePlan, '  sessions 16 weekly 50min\n', ''))).toEqual([]);
    const noTermination = basePlan.slice(0, basePlan.indexOf('phase termination')).trimEnd() + '\n';
    expect(diagnosticsOf(id, noTermination)).toEqual([]);
  });

  it('reports a range that starts at session 0 once', () => {
    const text = replace(basePlan, 'phase initial sessions 1-3', 'phase initial sessions 0-3');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Sessions are numbered from 1, so this phase cannot include session 0. Start it at session 1 or later.');
    expect(d.range).toEqual(lineRange(20, 23, 26));
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports an entry that reaches into two later entries once, on itself', () => {
    const text = replace(
      replace(basePlan, '  session 4-7 "Clarify', '  session 4-9 "Clarify'),
      '  session 8-13 "Rehearse new ways to negotiate"\n',
      '  session 8 "Rehearse new ways to negotiate"\n    targets G2\n  session 9-13 "Practise"\n',
    );
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      '`session 4-9` plans sessions that `session 8` (line 34) and `session 9-13` (line 36) plan too. Give each session one entry: check this range.',
    );
    expect(d.range).toEqual(lineRange(30, 10, 13));
  });

  it.each([
    ['phase initial sessions 1-3', 'phase initial sessions 13', '13', 'the initial phase', 'it overlaps the middle phase (4–13), and it leaves sessions 1–3 in no phase', 'sessions 1–3', '1-3'],
    ['phase middle sessions 4-13', 'phase middle sessions 413', '413', 'the middle phase', 'it leaves sessions 4–13 in no phase, and it runs past the plan\'s 16 sessions', 'sessions 4–13', '4-13'],
    ['phase termination sessions 14-16', 'phase termination sessions 1-16', '1-16', 'the termination phase', 'it overlaps the middle phase (4–13)', 'sessions 14–16', '14-16'],
  ])('one mistyped range that makes a gap and an overlap is one report: %s → %s', (from, to, written, phase, problems, sessions, meant) => {
    const plan = replace(basePlan, from, to);
    const found = analyse(plan).diagnostics;
    expect(found.map((d) => d.rule)).toEqual(['phase-coverage']);
    expect(found[0].message).toBe(
      `The range \`${written}\` of ${phase} does not fit between the phases around it: ${problems}. The other phases leave ${sessions} for it: did you mean \`${meant}\`?`,
    );
    expect(applyEdits(plan, found[0].fixes![0].edits)).toBe(basePlan);
  });
});
