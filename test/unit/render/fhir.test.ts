import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { ICD10_SYSTEM, PHASE_SYSTEM, VARIANT_SYSTEM } from '../../../server/src/render/fhir.js';
import { render } from '../../../server/src/render/index.js';
import { carePlanProblems } from './fhir-check.js';
import { coursePlan, hostilePlan, iptFiles, samplesDir, sharedExamplesDir } from './plans.js';

type Json = Record<string, any>;
const fhir = (text: string): Json => JSON.parse(render(analyse(text), { to: 'fhir' }));
const contained = (plan: Json, type: string) => ((plan.contained ?? []) as Json[]).filter((r) => r.resourceType === type);

describe('render fhir: the CarePlan', () => {
  const plan = fhir(coursePlan);

  it('is pretty JSON and a valid R4 CarePlan', () => {
    const text = render(analyse(coursePlan), { to: 'fhir' });
    expect(text.startsWith('{\n  "resourceType": "CarePlan",')).toBe(true);
    expect(carePlanProblems(plan)).toEqual([]);
  });

  it('is active once a session is held, with intent plan, the variant as category, title and description', () => {
    expect(plan.status).toBe('active');
    expect(plan.intent).toBe('plan');
    expect(plan.category).toEqual([{ coding: [{ system: VARIANT_SYSTEM, code: 'acute', display: 'Acute IPT' }], text: 'Acute IPT' }]);
    expect(plan.title).toBe('C-0142 acute IPT');
    expect(plan.description).toBe('IPT focus: Role dispute — Escalating conflict with partner about caring for their newborn');
  });

  it('names the client only by its code', () => {
    expect(plan.subject).toEqual({ identifier: { value: 'C-0142' } });
    for (const resource of plan.contained) expect(resource.subject).toEqual({ identifier: { value: 'C-0142' } });
  });

  it('runs from the start to the estimated last session', () => {
    expect(plan.period).toEqual({ start: '2026-02-02', end: '2026-05-18' });
  });

  it('addresses the diagnosis as a contained Condition with its ICD-10 code', () => {
    expect(plan.addresses).toEqual([{ reference: '#diagnosis' }]);
    expect(contained(plan, 'Condition')).toEqual([
      {
        resourceType: 'Condition',
        id: 'diagnosis',
        code: { coding: [{ system: ICD10_SYSTEM, code: 'F33.1' }], text: 'Major depressive disorder, recurrent, moderate' },
        subject: { identifier: { value: 'C-0142' } },
      },
    ]);
  });

  it('has one active contained Goal per plan goal, referenced from the plan', () => {
    const goals = contained(plan, 'Goal');
    expect(goals.map((g) => [g.id, g.lifecycleStatus, g.description.text])).toEqual([
      ['goal-G1', 'active', "Name each partner's expectations about caregiving roles"],
      ['goal-G2', 'active', 'State needs calmly during disagreements'],
    ]);
    expect(plan.goal).toEqual([{ reference: '#goal-G1' }, { reference: '#goal-G2' }]);
  });

  it('has one activity per phase with its code, status, timing and (middle) goals', () => {
    expect(plan.activity).toHaveLength(3);
    const [initial, middle, termination] = plan.activity.map((a: Json) => a.detail);
    expect(initial.code.coding[0]).toEqual({ system: PHASE_SYSTEM, code: 'initial', display: 'Initial phase' });
    expect([initial.status, middle.status, termination.status]).toEqual(['completed', 'in-progress', 'not-started']);
    expect(initial.scheduledTiming.repeat).toEqual({ count: 3, duration: 50, durationUnit: 'min', frequency: 1, period: 1, periodUnit: 'wk' });
    expect(middle.scheduledTiming.repeat.count).toBe(10);
    expect(middle.goal).toEqual([{ reference: '#goal-G1' }, { reference: '#goal-G2' }]);
    expect(initial.goal).toBeUndefined();
    expect(initial.kind).toBe('Appointment');
  });

  it('records each score as a final contained Observation referenced from its phase', () => {
    const observations = contained(plan, 'Observation');
    expect(observations.map((o) => [o.code.text, o.valueInteger, o.effectiveDateTime, o.status])).toEqual([
      ['PHQ-9', 18, '2026-02-02', 'final'],
      ['HAM-D', 22, '2026-02-02', 'final'],
      ['PHQ-9', 12, '2026-03-02', 'final'],
    ]);
    expect(observations.every((o) => o.code.coding === undefined)).toBe(true); // no unverified LOINC codes
    expect(plan.activity[0].outcomeReference).toEqual([{ reference: '#score-1' }, { reference: '#score-2' }]);
    expect(plan.activity[1].outcomeReference).toEqual([{ reference: '#score-3' }]);
  });

  it('keeps the risk and safety plan as notes', () => {
    expect(plan.note).toEqual([
      { text: 'Suicide risk: Low risk — Passive thoughts of death at intake; no plan or intent' },
      { text: 'Safety plan: Warning signs, coping steps and contacts agreed in session 1; crisis line 988' },
    ]);
  });
});

describe('render fhir: a score on a session that did not happen (issue 10, rule session-status)', () => {
  it('is never a final Observation: preliminary, with a note saying why', () => {
    const plan = fhir(coursePlan.replace(/status held/g, 'status planned'));
    const observations = contained(plan, 'Observation');
    expect(observations.length).toBeGreaterThan(0);
    for (const observation of observations) {
      expect(observation.status).toBe('preliminary');
      expect(observation.note.map((n: Json) => n.text)).toContain('The session is marked planned, so this score is not a final result.');
    }
    expect(carePlanProblems(plan)).toEqual([]);
  });
});

describe('render fhir: status decisions', () => {
  it('is a draft while no session is held', () => {
    const plan = fhir(coursePlan.replace(/status held/g, 'status planned'));
    expect(plan.status).toBe('draft');
    expect(plan.activity[0].detail.status).toBe('scheduled'); // dated, none held
  });

  it('uses a two-week period for biweekly and a month for monthly sessions', () => {
    const biweekly = fhir(coursePlan.replace('sessions 16 weekly 50min', 'sessions 16 biweekly 50min'));
    expect(biweekly.activity[0].detail.scheduledTiming.repeat).toMatchObject({ frequency: 1, period: 2, periodUnit: 'wk' });
    const monthly = fhir(coursePlan.replace('sessions 16 weekly 50min', 'sessions 16 monthly 50min'));
    expect(monthly.activity[0].detail.scheduledTiming.repeat).toMatchObject({ frequency: 1, period: 1, periodUnit: 'mo' });
    expect(monthly.period.end).toBe('2027-05-02');
  });

  it('leaves out what the plan does not say: no code coding, no period end without a cadence', () => {
    const plan = fhir(coursePlan.replace(' code F33.1', '').replace('sessions 16 weekly 50min', 'sessions 16'));
    expect(contained(plan, 'Condition')[0].code).toEqual({ text: 'Major depressive disorder, recurrent, moderate' });
    expect(plan.period).toEqual({ start: '2026-02-02' });
    expect(plan.activity[0].detail.scheduledTiming.repeat).toEqual({ count: 3 });
    expect(carePlanProblems(plan)).toEqual([]);
  });
});

describe('render fhir: strings and incomplete plans', () => {
  it('keeps plan strings as JSON text, exactly', () => {
    const plan = fhir(hostilePlan);
    expect(plan.title).toBe('<script>alert(1)</script> plan');
    expect(plan.subject.identifier.value).toBe('C-1 </script><img src=x onerror=alert(2)>');
    expect(carePlanProblems(plan)).toEqual([]);
  });

  it('uses the goal id when the goal text is empty, and drops other empty strings', () => {
    const plan = fhir(coursePlan.replace('"State needs calmly during disagreements"', '""').replace('"C-0142 acute IPT"', '""'));
    expect(contained(plan, 'Goal')[1].description).toEqual({ text: 'G2' });
    expect(plan.title).toBeUndefined();
    expect(carePlanProblems(plan)).toEqual([]);
  });

  it('gives a valid CarePlan for an empty file, with a subject that says the code is missing', () => {
    const plan = fhir('');
    expect(plan.subject).toEqual({ display: 'Client code not stated in the plan' });
    expect(carePlanProblems(plan)).toEqual([]);
  });

  it('stays a valid CarePlan when any part of a plan is cut out (property)', () => {
    fc.assert(
      fc.property(fc.nat(coursePlan.length), fc.nat(200), (start, length) => {
        const broken = coursePlan.slice(0, start) + coursePlan.slice(start + length);
        expect(carePlanProblems(fhir(broken))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

const samples = [...iptFiles(samplesDir), ...iptFiles(path.join(samplesDir, 'rules')).map((s) => ({ ...s, name: `rules/${s.name}` }))];
describe.skipIf(samples.length === 0)('render fhir: the project samples', () => {
  for (const { name, text } of samples) {
    it(`${name} is a valid CarePlan with one activity per phase and one Observation per score`, () => {
      const analysis = analyse(text);
      const plan = fhir(text);
      expect(carePlanProblems(plan)).toEqual([]);
      expect(plan.activity ?? []).toHaveLength(analysis.ast.phases.length);
      const scores = analysis.ast.phases.flatMap((p) => p.sessions.flatMap((s) => s.items.filter((i) => i.kind === 'score')));
      expect(contained(plan, 'Observation')).toHaveLength(scores.length);
    });
  }
});

const examples = iptFiles(sharedExamplesDir);
describe.skipIf(examples.length === 0)('render fhir: the shared examples (reads ../shared/design/examples)', () => {
  for (const { name, text } of examples) {
    it(`${name} is a valid CarePlan`, () => {
      expect(carePlanProblems(fhir(text))).toEqual([]);
    });
  }
});
