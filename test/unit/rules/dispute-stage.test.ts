import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, remove, replace } from './plan-fixtures.js';

describe('dispute-stage', () => {
  it('accepts a role-dispute focus with its stage, and other areas without one', () => {
    expect(diagnosticsOf('dispute-stage', basePlan)).toEqual([]);
    const grief = remove(replace(basePlan, 'focus role-dispute', 'focus grief'), '  stage renegotiation\n');
    expect(diagnosticsOf('dispute-stage', grief)).toEqual([]);
  });

  it('warns when a role dispute names no stage, offering each stage as a fix', () => {
    const plan = remove(basePlan, '  stage renegotiation\n');
    const [d, ...rest] = diagnosticsOf('dispute-stage', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'Name the stage of this role dispute: `renegotiation`, `impasse` or `dissolution`. The stage decides the strategy (improve the talks in renegotiation, reopen them at an impasse, help end and mourn the relationship in dissolution). Add a `stage` line under the focus.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'role-dispute'));
    expect(d.fixes?.map((fix) => fix.title)).toEqual(['Add `stage renegotiation`', 'Add `stage impasse`', 'Add `stage dissolution`']);
    expect(d.fixes!.every((fix) => !fix.safe)).toBe(true);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('reports `stage` under another area as an error', () => {
    const plan = replace(basePlan, 'focus role-dispute', 'focus role-transition');
    const [d, ...rest] = diagnosticsOf('dispute-stage', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      '`stage` applies only to a role-dispute focus; this focus is `role-transition`. Remove the stage line, or change the focus area if this is a dispute.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'stage renegotiation'));
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(remove(plan, '  stage renegotiation\n'));
  });

  it('names the area as written, an alias included', () => {
    const plan = replace(replace(basePlan, 'focus role-dispute', 'focus interpersonal-sensitivity'), 'stage renegotiation', 'stage impasse');
    const [d, ...rest] = diagnosticsOf('dispute-stage', plan);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      '`stage` applies only to a role-dispute focus; this focus is `interpersonal-sensitivity`. Remove the stage line, or change the focus area if this is a dispute.',
    );
  });

  it('reports an unknown stage as an error with a did-you-mean', () => {
    const plan = replace(basePlan, 'stage renegotiation', 'stage impase');
    const [d, ...rest] = diagnosticsOf('dispute-stage', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('`impase` is not a stage of a role dispute. Did you mean `impasse`?');
    expect(d.range).toEqual(rangeOfText(plan, 'impase'));
    expect(d.fixes![0].safe).toBe(true);
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(replace(basePlan, 'stage renegotiation', 'stage impasse'));
  });

  it('lists the stages when an unknown one has no close match', () => {
    const plan = replace(basePlan, 'stage renegotiation', 'stage escalation');
    const [d] = diagnosticsOf('dispute-stage', plan);
    expect(d.message).toBe('`escalation` is not a stage of a role dispute. Use `renegotiation`, `impasse` or `dissolution`.');
    expect(d.fixes).toBeUndefined();
  });

  it('warns about a second stage line, pointing back at the first', () => {
    const plan = replace(basePlan, '  stage renegotiation\n', '  stage renegotiation\n  stage impasse\n');
    const [d, ...rest] = diagnosticsOf('dispute-stage', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'This focus already names the stage `renegotiation`. A dispute is at one stage at a time: keep the current one and remove this line.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'stage impasse'));
    expect(d.related?.[0].range).toEqual(rangeOfText(plan, 'stage renegotiation'));
  });

  it('says nothing about a missing stage when the parser dropped a line under the focus', () => {
    const plan = replace(basePlan, 'stage renegotiation', 'stgae renegotiation');
    expect(diagnosticsOf('dispute-stage', plan)).toEqual([]);
    expect(diagnosticsOf('syntax', plan)).toHaveLength(1);
  });

  it('says nothing about a missing stage when another focus holds one (single-focus reports the extra focus)', () => {
    const line = 'focus role-dispute "Escalating conflict with partner about caring for their newborn"\n';
    const plan = replace(basePlan, line, line + line);
    expect(diagnosticsOf('dispute-stage', plan)).toEqual([]);
    expect(diagnosticsOf('single-focus', plan)).toHaveLength(1);
  });

  it('says nothing about stages under an unknown area (focus-area reports it)', () => {
    const plan = replace(basePlan, 'focus role-dispute', 'focus role-dispte');
    expect(diagnosticsOf('dispute-stage', plan)).toEqual([]);
  });

  it('gives one diagnostic, from `dispute-stage` alone, for this mistake', () => {
    const plan = remove(basePlan, '  stage renegotiation\n');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('dispute-stage');
    expect(d.severity).toBe('warning');
    expect(d.range).toEqual(rangeOfText(plan, 'role-dispute'));
  });
});
