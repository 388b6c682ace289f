import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { basePlan, diagnosticsOf, rangeOfText, remove, replace } from './plan-fixtures.js';

const RISK = `risk low "Passive thoughts of death at intake; no plan or intent"
  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"
`;

describe('risk-assessment', () => {
  it('accepts a recorded risk level, and moderate or high risk with a safety plan', () => {
    expect(diagnosticsOf('risk-assessment', basePlan)).toEqual([]);
    expect(diagnosticsOf('risk-assessment', replace(basePlan, 'risk low', 'risk moderate'))).toEqual([]);
    const high = replace(replace(basePlan, 'risk low', 'risk high'), 'crisis line 988"', 'crisis line 988; tablets kept by partner"');
    expect(diagnosticsOf('risk-assessment', high)).toEqual([]);
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

  describe('what the safety plan says, at moderate and high risk', () => {
    const withPlan = (level: string, ...plans: string[]) =>
      replace(basePlan, RISK, `risk ${level} "Thoughts of suicide with a method in mind; one attempt last year"\n${plans.map((p) => `  safety-plan "${p}"\n`).join('')}`);
    const CONTACT =
      'add who to call when the earlier steps do not help: the clinician or service (in and out of hours), a crisis line (988 in the US and Canada, Samaritans 116 123 in the UK and Ireland, Lifeline 13 11 14 in Australia) and the emergency number or department';
    const MEANS = 'add how access to the means the client might use is reduced (e.g. "tablets kept by partner", "firearm stored off-site")';
    const SAY_SO = 'If the written plan already has this, say so in this line (e.g. "Stanley–Brown plan written; crisis line 988").';

    it('is an error at high risk with no professional or crisis contact and no lethal-means step: one diagnostic naming both', () => {
      const plan = withPlan('high', 'Warning signs and coping steps agreed; partner and friend to call');
      const d = onlyDiagnostic(plan);
      expect([d.rule, d.severity]).toEqual(['risk-assessment', 'error']);
      expect(d.message).toBe(
        `At high risk the safety plan must name a professional or crisis contact and have a step on lethal means, and this one has neither: ${CONTACT}; and ${MEANS}. ${SAY_SO}`,
      );
      expect(d.range).toEqual(rangeOfText(plan, 'Warning signs and coping steps agreed; partner and friend to call'));
    });

    it('is an error at high risk without a contact, and a warning without a lethal-means step', () => {
      const noContact = onlyDiagnostic(withPlan('high', 'Warning signs, coping, sister to call; tablets kept by partner'));
      expect([noContact.severity, noContact.message]).toEqual([
        'error',
        `At high risk the safety plan must name a professional or crisis contact, and this one names none: ${CONTACT}. ${SAY_SO}`,
      ]);
      const noMeans = onlyDiagnostic(withPlan('high', 'Warning signs, coping, sister, GP and crisis line 988'));
      expect([noMeans.severity, noMeans.message]).toEqual(['warning', `This high-risk safety plan has no step on lethal means: ${MEANS}. ${SAY_SO}`]);
    });

    it('is a warning at moderate risk without a contact; lethal means are not asked for there', () => {
      const d = onlyDiagnostic(withPlan('moderate', 'Warning signs and coping steps agreed; partner and friend to call'));
      expect([d.severity, d.message]).toEqual(['warning', `This safety plan names no professional or crisis contact: ${CONTACT}. ${SAY_SO}`]);
      expect(diagnosticsOf('risk-assessment', withPlan('moderate', 'Warning signs; partner; crisis team'))).toEqual([]);
      expect(diagnosticsOf('risk-assessment', withPlan('low', 'Warning signs and coping steps agreed; partner and friend to call'))).toEqual([]);
    });

    it('reads several safety-plan lines as one plan, with one diagnostic', () => {
      expect(diagnosticsOf('risk-assessment', withPlan('high', 'Warning signs: not sleeping. Coping: run.', 'Professionals: my office, 988. Guns stored at brother\'s'))).toEqual([]);
      expect(diagnosticsOf('risk-assessment', withPlan('high', 'Warning signs: not sleeping.', 'Coping: run, call her cousin.'))).toHaveLength(1);
    });

    it('takes a plan that says it is a complete structured one as complete', () => {
      for (const text of ['Six-step safety plan written with client and parent in session 1', 'Stanley–Brown plan written', 'Full safety plan completed', 'Stanley Brown safety plan on file', 'Safety plan completed in session 2 (all six steps)']) {
        expect(diagnosticsOf('risk-assessment', withPlan('high', text)), text).toEqual([]);
      }
      // …but not one put off until later.
      for (const text of ['Full safety plan to be written next session', 'Six-step safety plan not yet done']) {
        expect(diagnosticsOf('risk-assessment', withPlan('high', text)).map((d) => d.severity), text).toEqual(['error']);
      }
    });

    it.each([
      // United States
      ['US', 'Warning signs, coping; sister; therapist and 988; ER if unsafe; firearm stored elsewhere'],
      ['US', 'SP: triggers, distraction, roommate, RA, counseling center, CL 988; lethal means counseling done'],
      ['US', 'Call or text 988 or go to the emergency room; handgun unloaded and locked in a gun safe, key with wife'],
      ['US', 'Mobile crisis team and 911; meds dispensed weekly by the pharmacy'],
      // Canada
      ['CA', 'Coping steps, best friend, family doctor, 9-8-8; no firearms in the home'],
      ['CA', 'Kids Help Phone (text 686868) and 911; mom keeps the pills locked away'],
      // United Kingdom
      ['UK', 'Warning signs; ring Mum; GP; Samaritans 116 123; tablets kept by partner'],
      ['UK', 'Crisis team and NHS 111 option 2; A&E if she cannot keep safe; paracetamol removed from the house'],
      ['UK', 'Shout 85258, CMHT duty worker, 999; husband holds her medication'],
      ['UK', 'CPN and the home treatment team; ligatures removed; means restriction agreed with family'],
      // Ireland
      ['IE', 'Mam and the GP; text 50808; Samaritans; 112; chemicals locked in the shed'],
      ['IE', 'Pieta 1800 247 247 and the CMHT; access to medication limited to a week at a time'],
      // Australia
      ['AU', 'Lifeline 13 11 14, Suicide Call Back Service, 000; partner holds the prescription medication'],
      ['AU', 'CATT and the GP; headspace; rifles handed to police; environment made safe'],
      // New Zealand, and other ways of writing it
      ['NZ', 'Healthline, 1737 and Youthline; car keys with his brother'],
      ['US', 'My office and 988; pills given to mom'],
      ['UK', 'Nightline, NHS 24 and Breathing Space; seven days of tablets at a time'],
    ])('accepts a complete high-risk plan as clinicians in %s write it: "%s"', (_country, text) => {
      expect(diagnosticsOf('risk-assessment', withPlan('high', text))).toEqual([]);
    });

    it('keeps a missing part missing: a person is not a professional, and naming a means is not a step on it', () => {
      expect(diagnosticsOf('risk-assessment', withPlan('high', 'Partner and friend to call; firearm in the house')).map((d) => d.severity)).toEqual(['error']);
      expect(diagnosticsOf('risk-assessment', withPlan('high', 'Crisis line 988; owns a firearm')).map((d) => d.message.slice(0, 40))).toEqual(['This high-risk safety plan has no step o']);
    });

    it('reports a placeholder safety plan as an error from risk-assessment alone; `placeholder` stays silent', () => {
      for (const [level, text, words] of [
        ['high', 'TBD', 'TBD'],
        ['moderate', 'TODO', 'TODO'],
        ['high', '…', '…'],
        ['moderate', 'TODO: safety plan', 'TODO'],
      ]) {
        const plan = withPlan(level, text);
        const d = onlyDiagnostic(plan);
        expect([d.rule, d.severity], text).toEqual(['risk-assessment', 'error']);
        expect(d.message).toBe(
          `This safety plan is still a placeholder (\`${words}\`), and at ${level} risk a placeholder is no safety plan. Write the Stanley–Brown safety plan here: warning signs, coping steps, people and places, professional and crisis contacts (e.g. 988), and making lethal means less available.`,
        );
      }
      // At low risk a safety plan is optional, and a placeholder there is the `placeholder` rule's.
      expect(onlyDiagnostic(withPlan('low', 'TBD')).rule).toBe('placeholder');
    });

    it('names an unfinished part in the one diagnostic of a safety plan that has content', () => {
      const d = onlyDiagnostic(withPlan('high', 'Warning signs; GP and crisis line 988; lethal means TBC'));
      expect(d.rule).toBe('risk-assessment');
      expect(d.severity).toBe('warning');
      expect(d.message).toBe(`This high-risk safety plan has no step on lethal means: ${MEANS}. ${SAY_SO} It is also unfinished (\`TBC\`): write the rest before the plan is used.`);
      const only = onlyDiagnostic(withPlan('moderate', 'Warning signs; GP and crisis line 988; coping steps TBC'));
      expect([only.rule, only.severity, only.message]).toEqual(['risk-assessment', 'warning', 'This safety plan is unfinished (`TBC`): write the missing part before the plan is used.']);
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
