/** `session-status`: what a session records must fit its status (issue 10). */
import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, replace } from './plan-fixtures.js';

const id = 'session-status';
const withStatus = (status: string, scores = '    score PHQ-9 18\n') =>
  replace(basePlan, '    task symptom-review, sick-role, medication-review\n    score PHQ-9 18\n', `    task symptom-review, sick-role, medication-review\n    status ${status}\n${scores}`);

describe('session-status', () => {
  it('accepts a score on a held session, and a planned session without one', () => {
    expect(diagnosticsOf(id, withStatus('held'))).toEqual([]);
    expect(diagnosticsOf(id, withStatus('planned', ''))).toEqual([]);
    expect(diagnosticsOf(id, basePlan)).toEqual([]); // no status: nothing to contradict
  });

  it.each([
    ['planned', 'a session that has not happened has no score (is it a score from another session, or did this one take place?)'],
    ['missed', 'a session the client missed has no score (is it from another session, or did the client come after all?)'],
    ['cancelled', 'a cancelled session has no score (is it from another session, or did it take place after all?)'],
  ])('reports a score on a %s session, on the score, once', (status, why) => {
    const plan = withStatus(status);
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe(id);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      `Session 1 is marked \`${status}\` but records \`score PHQ-9 18\`: ${why}. If the session was held, set \`status held\`; otherwise remove the score or move it to the session it belongs to.`,
    );
    expect(d.range).toEqual(rangeOfText(plan, 'score PHQ-9 18'));
    expect(d.related?.map((r) => r.message)).toEqual([`The session is marked \`${status}\` here.`]);
    expect(d.fixes?.map((f) => [f.title, f.safe])).toEqual([
      ['Set `status held`', false],
      ['Remove the score', false],
    ]);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(withStatus('held'));
    expect(applyEdits(plan, d.fixes![1].edits)).toBe(withStatus(status, ''));
  });

  it('reports two scores on one planned session once, naming both', () => {
    const plan = withStatus('planned', '    score PHQ-9 18\n    score HAM-D 20\n');
    const d = onlyDiagnostic(plan);
    expect(d.message).toContain('records `score PHQ-9 18` and `score HAM-D 20`:');
    expect(d.fixes?.map((f) => f.title)).toEqual(['Set `status held`', 'Remove the scores']);
  });

  it('says nothing about an unknown status (`unknown-value` reports it)', () => {
    expect(diagnosticsOf(id, withStatus('planed'))).toEqual([]);
  });
});
