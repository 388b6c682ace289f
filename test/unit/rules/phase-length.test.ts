import { describe, expect, it } from 'vitest';
import { rangeOfText, basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'phase-length';

/** The base plan with the phase ranges and the session entries at their edges rewritten. */
function withPhases(initial: string, middle: string, termination: string, edits: [string, string][] = []): string {
  let text = replace(basePlan, 'phase initial sessions 1-3', `phase initial sessions ${initial}`);
  text = replace(text, 'phase middle sessions 4-13', `phase middle sessions ${middle}`);
  text = replace(text, 'phase termination sessions 14-16', `phase termination sessions ${termination}`);
  for (const [from, to] of edits) text = replace(text, from, to);
  return text;
}

describe('phase-length', () => {
  it('accepts an initial phase of 3, a middle of 10 and a termination of 3 sessions', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it('warns when the initial phase is longer than the variant allows', () => {
    const text = withPhases('1-5', '6-13', '14-16', [['session 4-7 "Clarify', 'session 6-7 "Clarify']]);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The initial phase has 5 sessions; Acute IPT keeps it to at most 3, so the work on the focus can start. End it at session 3 and start the middle phase at 4, or set `variant` if this is another IPT format.',
    );
    expect(d.range).toEqual(lineRange(20, 23, 26));
    expect(ruleIds(text)).toEqual([id]);
  });

  it('warns when the termination phase is longer than the variant allows', () => {
    const text = withPhases('1-3', '4-10', '11-16', [['session 8-13 "Rehearse', 'session 8-10 "Rehearse']]);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The termination phase has 6 sessions; Acute IPT gives it 2–4 sessions to review progress, relapse warning signs and the ending. Keep it to at most 4 and give the rest to the middle phase, or set `variant` if this is another IPT format.',
    );
    expect(d.range).toEqual(lineRange(38, 27, 32));
  });

  it('warns when the termination phase is shorter than the variant allows', () => {
    const text = withPhases('1-3', '4-15', '16', [
      ['  session 14 "Review progress"\n    task review-progress\n  session 15 "Relapse warning signs"\n    task relapse-prevention\n', ''],
      ['task discuss-ending, maintenance-plan', 'task review-progress, relapse-prevention, discuss-ending'],
    ]);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The termination phase has 1 session; Acute IPT gives it 2–4 sessions to review progress, relapse warning signs and the ending. Give it at least 2 sessions, or set `variant` if this is another IPT format.',
    );
    expect(d.range).toEqual(lineRange(38, 27, 29));
  });

  it('warns when the middle phase is not longer than the termination phase', () => {
    // Group IPT allows a termination phase of up to 5 sessions: 8 sessions as 1-3, 4-5, 6-8.
    let text = replace(replace(basePlan, 'variant acute', 'variant group'), 'sessions 16 weekly', 'sessions 8 weekly');
    text = text.slice(0, text.indexOf('phase middle'));
    text += [
      'phase middle sessions 4-5',
      '  session 4-5 "Work on the dispute"',
      '    technique communication-analysis',
      '    targets G1, G2',
      '',
      'phase termination sessions 6-8',
      '  session 6-8 "Review, warning signs and ending"',
      '    task review-progress, relapse-prevention, discuss-ending',
      '',
    ].join('\n');
    text = replace(text, 'measure HAM-D at 1, 16', 'measure HAM-D at 1, 8');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The middle phase has 2 sessions and the termination phase 3 sessions; the middle phase, where the work on the focus happens, should be the longer one. Move sessions from the termination phase to the middle phase.',
    );
    expect(d.range).toEqual(lineRange(29, 22, 25));
    expect(ruleIds(text)).toEqual([id]);
  });

  it("does not apply a variant's phase bounds when the total does not fit the variant either", () => {
    // A 16-session plan marked `brief`: session-count reports it once; the brief bounds (initial ≤ 2,
    // termination 1–2) are not applied to phases that fit acute IPT.
    const text = replace(basePlan, 'variant acute', 'variant brief');
    expect(diagnosticsOf(id, text)).toEqual([]);
    expect(ruleIds(text)).toEqual(['session-count']);
  });

  it('reports a termination phase that is too long once, not also the shorter middle phase it causes', () => {
    const text = withPhases('1-3', '4-8', '9-16', [
      ['session 8-13 "Rehearse', 'session 8 "Rehearse'],
      ['  session 14 "Review progress"', '  session 9-14 "Review progress"'],
    ]);
    const found = diagnosticsOf(id, text);
    expect(found.map((d) => d.range)).toEqual([lineRange(38, 27, 31)]);
    expect(found[0].message).toContain('The termination phase has 8 sessions;');
  });

  it('never advises taking a session from a termination phase at its minimum (smallest maintenance plan)', () => {
    const text = `plan "C-0142 maintenance IPT"
  client "C-0142"
  clinician "J. Rivera, LCSW"
  variant maintenance
  diagnosis "Major depressive disorder, recurrent, in partial remission" code F33.41
  sessions 4 monthly 50min

focus role-dispute "Recurring conflict with partner about household roles"
  stage renegotiation
  goal G1 "Keep the weekly check-in with partner"

measure PHQ-9 at 1, 4

risk low "No current suicidal thoughts"

phase initial sessions 1-2
  session 1 "Review and early warning signs"
    task symptom-review, warning-signs, interpersonal-inventory
  session 2 "Formulation and contract"
    task formulation, treatment-contract

phase middle sessions 3
  session 3 "Work on the dispute"
    technique communication-analysis
    targets G1

phase termination sessions 4
  session 4 "Review and ending"
    task review-progress, relapse-prevention, discuss-ending
`;
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The middle phase has 1 session and the termination phase 1 session; the middle phase, where the work on the focus happens, should be the longer one. The termination phase cannot give any: it is at its minimum of 1 session for Maintenance IPT (IPT-M). Shorten the initial phase to 1 session (end it at session 1 and start the middle phase at 2), or raise `sessions` to 5 and give the new session to the middle phase.',
    );
    expect(d.range).toEqual(rangeOfText(text, '3', 2));
    expect(ruleIds(text)).toEqual([id]);
    // Following either piece of advice leaves no phase-length report.
    const shorter = replace(replace(text, 'phase initial sessions 1-2', 'phase initial sessions 1'), 'phase middle sessions 3', 'phase middle sessions 2-3');
    const movedSession = replace(replace(shorter, '  session 2 "Formulation and contract"\n    task formulation, treatment-contract\n', ''), '    task symptom-review, warning-signs, interpersonal-inventory\n', '    task symptom-review, warning-signs, interpersonal-inventory, formulation, treatment-contract\n');
    expect(diagnosticsOf(id, movedSession)).toEqual([]);
    const added = replace(replace(replace(text, 'sessions 4 monthly', 'sessions 5 monthly'), 'phase middle sessions 3', 'phase middle sessions 3-4'), 'phase termination sessions 4', 'phase termination sessions 5');
    expect(diagnosticsOf(id, replace(replace(added, 'session 4 "Review', 'session 5 "Review'), 'PHQ-9 at 1, 4', 'PHQ-9 at 1, 5'))).toEqual([]);
  });
});
