import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { basePlan, diagnosticsOf, rangeOfText, remove, replace } from './plan-fixtures.js';

const RISK = `risk low "Passive thoughts of death at intake; no plan or intent"
  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"
`;

describe('risk-assessment', () => {
  it('accepts a recorded risk level, and moderate or high risk with a safety plan', () => {
    expect(diagnosticsOf('risk-assessment', basePlan)).toEqual([]);
    expect(diagnosticsOf('risk-assessment', replace(basePlan, 'risk low', 'risk high'))).toEqual([]);
    const none = replace(basePlan, RISK, 'risk none "No suicidal ideation or history at intake"\n');
    expect(diagnosticsOf('risk-assessment', none)).toEqual([]);
  });

  it('reports a plan with no risk statement at the plan line', () => {
    const plan = remove(basePlan, RISK);
    const [d, ...rest] = diagnosticsOf('risk-assessment', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'The plan records no suicide risk assessment. Assess suicide risk at the start of treatment and record it after the header, e.g. `risk low "Passive thoughts of death; no plan or intent"`, with a `safety-plan` line when risk is present.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'plan "C-0142 acute IPT"'));
  });

  it('reports moderate or high risk without a safety plan at the level', () => {
    const plan = replace(basePlan, RISK, 'risk moderate "Passive ideation in the past month; no plan"\n');
    const [d, ...rest] = diagnosticsOf('risk-assessment', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'Moderate suicide risk needs a written safety plan. Add a `safety-plan "…"` line under this risk: warning signs, coping steps, people and places, professional and crisis contacts (e.g. 988), and making lethal means less available.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'moderate', 1));
  });

  it('warns about no-suicide contract wording at the exact words', () => {
    const plan = replace(basePlan, 'agreed in session 1; crisis line 988', 'agreed in session 1; no-suicide contract signed');
    const [d, ...rest] = diagnosticsOf('risk-assessment', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      '"no-suicide contract": no-suicide contracts do not prevent suicide and should not be used. Replace it with a Stanley–Brown safety plan (warning signs, coping steps, contacts, crisis line, lethal-means safety) in a `safety-plan` line.',
    );
    expect(d.range).toEqual(rangeOfText(plan, 'no-suicide contract'));
  });

  it('finds the other names of such contracts in any string', () => {
    const plan = replace(basePlan, '"One ten-minute check-in with partner each week"', '"Review the contract for safety and the no harm agreement"');
    const found = diagnosticsOf('risk-assessment', plan);
    expect(found.map((d) => d.range)).toEqual([rangeOfText(plan, 'contract for safety'), rangeOfText(plan, 'no harm agreement')]);
    const more = replace(basePlan, '"One ten-minute check-in with partner each week"', '"Earlier no self-harm contract; suicide prevention contract; contracted against suicide"');
    expect(diagnosticsOf('risk-assessment', more).map((d) => more.slice(d.span.start, d.span.end))).toEqual([
      'no self-harm contract',
      'suicide prevention contract',
      'contracted against suicide',
    ]);
  });

  it('does not flag the treatment contract', () => {
    const plan = replace(basePlan, '"One ten-minute check-in with partner each week"', '"Revisit the treatment contract and the safety plan"');
    expect(diagnosticsOf('risk-assessment', plan)).toEqual([]);
  });

  it('does not flag text that says such a contract is not used', () => {
    for (const text of [
      'Safety plan instead of a no-suicide contract',
      'No-suicide contracts are not used in this service',
      'Six-step safety plan; a safety contract was declined',
    ]) {
      const plan = replace(basePlan, 'Warning signs, coping steps and contacts agreed in session 1; crisis line 988', text);
      expect(diagnosticsOf('risk-assessment', plan)).toEqual([]);
    }
  });

  it('points at the right characters when the string has escapes', () => {
    const plan = replace(basePlan, 'agreed in session 1; crisis line 988', 'agreed \\"verbally\\"; a \\\\ safety contract');
    const [d] = diagnosticsOf('risk-assessment', plan);
    expect(d.range).toEqual(rangeOfText(plan, 'safety contract'));
  });

  describe('a safety plan that is only a no-suicide contract, at moderate or high risk', () => {
    const withSafetyPlan = (level: string, ...plans: string[]) =>
      replace(basePlan, RISK, `risk ${level} "Passive ideation in the past month; no plan"\n${plans.map((p) => `  safety-plan "${p}"\n`).join('')}`);

    it.each([
      ['moderate', 'No-suicide contract signed in session 1', 'No-suicide contract'],
      ['high', 'Contract for safety agreed at intake', 'Contract for safety'],
      ['moderate', 'Verbal safety contract', 'safety contract'],
    ])('is an error at %s risk: "%s"', (level, text, words) => {
      const plan = withSafetyPlan(level, text);
      const d = onlyDiagnostic(plan);
      expect(d.rule).toBe('risk-assessment');
      expect(d.severity).toBe('error');
      expect(d.message).toBe(
        `"${words}" is the whole safety plan, and a no-suicide contract is in effect no safety plan: at ${level} risk the plan needs a real one. Write a Stanley–Brown safety plan in this \`safety-plan\` line: warning signs, coping steps, people and places, professional and crisis contacts (e.g. 988), and making lethal means less available.`,
      );
      expect(d.range).toEqual(rangeOfText(plan, words));
    });

    it('stays a warning on the wording when the safety plan has real content too', () => {
      const plan = withSafetyPlan('moderate', 'No-suicide contract signed; warning signs, coping steps and crisis line 988 agreed');
      expect(diagnosticsOf('risk-assessment', plan).map((d) => d.severity)).toEqual(['warning']);
    });

    it('stays a warning when another safety-plan line is a real one', () => {
      const plan = withSafetyPlan('high', 'Contract for safety agreed', 'Warning signs, coping steps, sister and crisis line 988; medication locked away');
      expect(diagnosticsOf('risk-assessment', plan).map((d) => d.severity)).toEqual(['warning']);
    });

    it('stays a warning at low risk, where a safety plan is optional', () => {
      const plan = withSafetyPlan('low', 'No-suicide contract signed in session 1');
      expect(diagnosticsOf('risk-assessment', plan).map((d) => d.severity)).toEqual(['warning']);
    });
  });

  it('gives one diagnostic, from `risk-assessment` alone, for this mistake', () => {
    const plan = replace(basePlan, '  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"\n', '').replace('risk low', 'risk high');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('risk-assessment');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOfText(plan, 'high'));
  });
});
